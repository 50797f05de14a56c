package io.clockhealth.exporter.collect.chrony;

import io.clockhealth.exporter.parse.AbstractTextParser;
import io.clockhealth.exporter.parse.Line;
import io.clockhealth.exporter.parse.ParseException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@code chronyc authdata} (chrony 4.x) and {@code chronyc -c authdata}. */
public final class AuthDataParser extends AbstractTextParser<List<ChronyAuthData>> {

  public static final String FORMAT = "chronyc-authdata";

  private static final ChronyTable.Header HEADER =
      new ChronyTable.Header(
          Pattern.compile("(?m)^Name/IP address\\s+Mode\\s+KeyID"),
          Pattern.compile(
              "Name/IP address\\s+Mode\\s+KeyID\\s+Type\\s+KLen\\s+Last\\s+Atmp\\s+NAK\\s+Cook\\s+CLen"),
          "Name/IP address Mode KeyID ... CLen");

  // chronyc prints "?" for a mode it does not know; it is kept as printed like the others.
  private static final String MODE = "NTS|SK|-|\\?";
  // name  mode  keyid  type  klen  last  atmp  nak  cook  clen
  private static final Pattern ROW =
      Pattern.compile(
          "(\\S+)\\s+("
              + MODE
              + ")\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(-|\\d+[mhdy]?)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)");
  private static final Pattern CSV_MODE = Pattern.compile(MODE);
  private static final int CSV_FIELDS = 10;
  // Everything after name and mode is an unsigned integer (a sources CSV line has a name third).
  private static final Pattern CSV_NUMBERS = Pattern.compile("\\d+(?:,\\d+)*");

  public AuthDataParser() {
    super(FORMAT, AuthDataParser::looksLike);
  }

  /** True when {@code text} looks like authdata output, human or CSV. */
  private static boolean looksLike(String text) {
    return ChronyInput.recognises(text, HEADER.start().asPredicate(), AuthDataParser::isCsvRow);
  }

  private static boolean isCsvRow(String[] f) {
    return f.length == CSV_FIELDS
        && CSV_MODE.matcher(f[1]).matches()
        && CSV_NUMBERS.matcher(String.join(",", Arrays.asList(f).subList(2, CSV_FIELDS))).matches();
  }

  /** The rows in printed order; none when chronyd has no NTP sources. */
  @Override
  public List<ChronyAuthData> parse(String text) throws ParseException {
    return ChronyTable.parse(
        FORMAT, text, HEADER, AuthDataParser::humanRow, AuthDataParser::csvRow);
  }

  private static ChronyAuthData humanRow(Line line) throws ParseException {
    Matcher m = ROW.matcher(line.text());
    if (!m.matches()) {
      throw ParseException.malformed(FORMAT, line.number(), line.text(), "not an authdata row");
    }
    String[] f = new String[CSV_FIELDS];
    for (int i = 0; i < CSV_FIELDS; i++) {
      f[i] = m.group(i + 1);
    }
    return row(line, f, ChronyUnits::intervalSeconds);
  }

  private static ChronyAuthData csvRow(Line line) throws ParseException {
    String[] f = line.text().split(",", -1);
    if (f.length != CSV_FIELDS || f[0].isEmpty() || !CSV_MODE.matcher(f[1]).matches()) {
      throw ParseException.malformed(
          FORMAT,
          line.number(),
          line.text(),
          "expected " + CSV_FIELDS + " comma-separated fields: name, mode (NTS/SK/-), ...");
    }
    // Last is plain seconds in CSV, 4294967295 when never.
    return row(line, f, ChronyUnits::csvIntervalSeconds);
  }

  private static ChronyAuthData row(Line line, String[] f, Function<String, Double> last)
      throws ParseException {
    try {
      return new ChronyAuthData(
          f[0],
          f[1],
          ChronyUnits.counter(f[2]),
          ChronyUnits.count(f[3]),
          ChronyUnits.count(f[4]),
          last.apply(f[5]),
          ChronyUnits.counter(f[6]),
          ChronyUnits.counter(f[7]),
          ChronyUnits.count(f[8]),
          ChronyUnits.count(f[9]));
    } catch (IllegalArgumentException e) {
      throw ParseException.malformed(FORMAT, line.number(), line.text(), e.getMessage());
    }
  }
}
