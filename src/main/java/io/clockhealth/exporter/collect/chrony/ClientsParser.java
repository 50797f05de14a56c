package io.clockhealth.exporter.collect.chrony;

import io.clockhealth.exporter.parse.AbstractTextParser;
import io.clockhealth.exporter.parse.Line;
import io.clockhealth.exporter.parse.ParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Parses {@code chronyc clients} (and {@code -k}, {@code -p N}, {@code -r}) and {@code chronyc -c
 * clients}: chronyd's client log, one row per address.
 *
 * <p>The CSV layout spells "none" as numbers: an interval of {@code 127} (log2 seconds) means too
 * few requests to tell, and a last-seen age of {@code 4294967295} means never; the human layout
 * prints {@code -} for both.
 */
public final class ClientsParser extends AbstractTextParser<List<ChronyClient>> {

  public static final String FORMAT = "chronyc-clients";

  private static final ChronyTable.Header HEADER =
      new ChronyTable.Header(
          Pattern.compile("(?m)^Hostname\\s+NTP\\s+Drop\\s+Int\\s+IntL\\s+Last"),
          Pattern.compile(
              "Hostname\\s+NTP\\s+Drop\\s+Int\\s+IntL\\s+Last\\s+(?:Cmd|NTS-KE)\\s+Drop\\s+Int"
                  + "\\s+Last"),
          "Hostname NTP Drop Int IntL Last Cmd Drop Int Last");

  private static final String COUNT = "(\\d+)";
  private static final String LOG2 = "(-|-?\\d+)";
  private static final String AGE = "(-|\\d+[mhdy]?)";
  private static final Pattern ROW =
      Pattern.compile(
          "(\\S+)\\s+"
              + String.join("\\s+", COUNT, COUNT, LOG2, LOG2, AGE, COUNT, COUNT, LOG2, AGE));

  private static final int CSV_FIELDS = 10;
  private static final Pattern CSV_COUNT = Pattern.compile("\\d+");
  private static final Pattern CSV_LOG2 = Pattern.compile("-?\\d+");
  private static final int NO_INTERVAL = 127;
  private static final long NEVER = 4_294_967_295L;

  public ClientsParser() {
    super(FORMAT, ClientsParser::looksLike);
  }

  private static boolean looksLike(String text) {
    return ChronyInput.recognises(text, HEADER.start().asPredicate(), ClientsParser::isCsvRow);
  }

  private static boolean isCsvRow(String[] f) {
    if (f.length != CSV_FIELDS || f[0].isEmpty()) {
      return false;
    }
    for (int i : new int[] {1, 2, 5, 6, 7, 9}) {
      if (!CSV_COUNT.matcher(f[i]).matches()) {
        return false;
      }
    }
    return CSV_LOG2.matcher(f[3]).matches()
        && CSV_LOG2.matcher(f[4]).matches()
        && CSV_LOG2.matcher(f[8]).matches();
  }

  /** The rows in printed order; none when no client has been logged. */
  @Override
  public List<ChronyClient> parse(String text) throws ParseException {
    return ChronyTable.parse(FORMAT, text, HEADER, ClientsParser::humanRow, ClientsParser::csvRow);
  }

  private static ChronyClient humanRow(Line line) throws ParseException {
    Matcher m = ROW.matcher(line.text());
    if (!m.matches()) {
      throw ParseException.malformed(FORMAT, line.number(), line.text(), "not a clients row");
    }
    try {
      return new ChronyClient(
          m.group(1),
          ChronyUnits.counter(m.group(2)),
          ChronyUnits.counter(m.group(3)),
          humanLog2(m.group(4)),
          humanLog2(m.group(5)),
          ChronyUnits.intervalSeconds(m.group(6)),
          ChronyUnits.counter(m.group(7)),
          ChronyUnits.counter(m.group(8)),
          humanLog2(m.group(9)),
          ChronyUnits.intervalSeconds(m.group(10)));
    } catch (IllegalArgumentException e) {
      throw ParseException.malformed(FORMAT, line.number(), line.text(), e.getMessage());
    }
  }

  private static ChronyClient csvRow(Line line) throws ParseException {
    String[] f = ChronyInput.csvFields(FORMAT, line, CSV_FIELDS);
    if (!isCsvRow(f)) {
      throw ParseException.malformed(
          FORMAT,
          line.number(),
          line.text(),
          "expected address, then NTP hits, drops, interval, limited interval, last, and command"
              + " hits, drops, interval, last");
    }
    try {
      return new ChronyClient(
          f[0],
          ChronyUnits.counter(f[1]),
          ChronyUnits.counter(f[2]),
          csvLog2(f[3]),
          csvLog2(f[4]),
          csvAge(f[5]),
          ChronyUnits.counter(f[6]),
          ChronyUnits.counter(f[7]),
          csvLog2(f[8]),
          csvAge(f[9]));
    } catch (IllegalArgumentException e) {
      throw ParseException.malformed(FORMAT, line.number(), line.text(), e.getMessage());
    }
  }

  private static @Nullable Integer humanLog2(String token) {
    return "-".equals(token) ? null : ChronyUnits.integer(token);
  }

  private static @Nullable Integer csvLog2(String token) {
    int value = ChronyUnits.integer(token);
    return value == NO_INTERVAL ? null : value;
  }

  private static @Nullable Double csvAge(String token) {
    long value = ChronyUnits.counter(token);
    return value == NEVER ? null : (double) value;
  }
}
