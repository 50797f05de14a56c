package io.clockhealth.exporter.collect.chrony;

import io.clockhealth.exporter.model.LeapStatus;
import io.clockhealth.exporter.parse.AbstractTextParser;
import io.clockhealth.exporter.parse.Line;
import io.clockhealth.exporter.parse.ParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code chronyc selectdata} (chrony 4.0 and later; {@code -v} adds a legend, {@code -a} the
 * sources without an address) and {@code chronyc -c selectdata}.
 */
public final class SelectDataParser extends AbstractTextParser<List<ChronySelectData>> {

  public static final String FORMAT = "chronyc-selectdata";

  private static final ChronyTable.Header HEADER =
      new ChronyTable.Header(
          Pattern.compile("(?m)^S Name/IP Address\\s+Auth\\s+COpts"),
          Pattern.compile(
              "S Name/IP Address\\s+Auth\\s+COpts\\s+EOpts\\s+Last\\s+Score\\s+Interval\\s+Leap"),
          "S Name/IP Address Auth COpts ... Leap");

  /** Five option characters: N, P, T, R or - (room for a letter a later chrony adds). */
  private static final String OPTIONS = "[A-Z-]{5}";

  // state  name  auth  copts  eopts  last  score  low  high  leap
  private static final Pattern ROW =
      Pattern.compile(
          "(\\S)\\s+(\\S+)\\s+([YN])\\s+("
              + OPTIONS
              + ")\\s+("
              + OPTIONS
              + ")\\s+(-|\\d+[mhdy]?)\\s+(\\d+(?:\\.\\d+)?)\\s+(\\S+)\\s+(\\S+)\\s+([N+\\-?])");

  private static final int CSV_FIELDS = 18;
  private static final Pattern CSV_OPTION = Pattern.compile("[A-Z-]");
  private static final Pattern CSV_DECIMAL = Pattern.compile("-?\\d+(?:\\.\\d+)?");

  public SelectDataParser() {
    super(FORMAT, SelectDataParser::looksLike);
  }

  /** True when {@code text} looks like selectdata output, human or CSV. */
  private static boolean looksLike(String text) {
    return ChronyInput.recognises(text, HEADER.start().asPredicate(), SelectDataParser::isCsvRow);
  }

  private static boolean isCsvRow(String[] f) {
    if (f.length != CSV_FIELDS || f[0].length() != 1 || !f[2].matches("[YN]")) {
      return false;
    }
    for (int i = 3; i <= 12; i++) {
      if (!CSV_OPTION.matcher(f[i]).matches()) {
        return false;
      }
    }
    return f[13].matches("\\d+")
        && CSV_DECIMAL.matcher(f[14]).matches()
        && CSV_DECIMAL.matcher(f[15]).matches()
        && CSV_DECIMAL.matcher(f[16]).matches();
  }

  /** The rows in printed order; none when chronyd has no sources. */
  @Override
  public List<ChronySelectData> parse(String text) throws ParseException {
    return ChronyTable.parse(
        FORMAT, text, HEADER, SelectDataParser::humanRow, SelectDataParser::csvRow);
  }

  private static ChronySelectData humanRow(Line line) throws ParseException {
    Matcher m = ROW.matcher(line.text());
    if (!m.matches()) {
      throw ParseException.malformed(FORMAT, line.number(), line.text(), "not a selectdata row");
    }
    try {
      return new ChronySelectData(
          m.group(1).charAt(0),
          m.group(2),
          m.group(3).equals("Y"),
          m.group(4),
          m.group(5),
          ChronyUnits.intervalSeconds(m.group(6)),
          ChronyUnits.decimal(m.group(7)),
          ChronyUnits.sampleSeconds(m.group(8)),
          ChronyUnits.sampleSeconds(m.group(9)),
          humanLeap(m.group(10).charAt(0)));
    } catch (IllegalArgumentException e) {
      throw ParseException.malformed(FORMAT, line.number(), line.text(), e.getMessage());
    }
  }

  private static ChronySelectData csvRow(Line line) throws ParseException {
    String[] f = ChronyInput.csvFields(FORMAT, line, CSV_FIELDS);
    if (!isCsvRow(f) || f[1].isEmpty()) {
      throw ParseException.malformed(
          FORMAT,
          line.number(),
          line.text(),
          "expected state, name, Y/N, 5 + 5 option characters, last, score, interval, leap");
    }
    try {
      return new ChronySelectData(
          f[0].charAt(0),
          f[1],
          f[2].equals("Y"),
          String.join("", List.of(f).subList(3, 8)),
          String.join("", List.of(f).subList(8, 13)),
          ChronyUnits.csvIntervalSeconds(f[13]),
          ChronyUnits.decimal(f[14]),
          ChronyUnits.decimal(f[15]),
          ChronyUnits.decimal(f[16]),
          ChronyLeap.parse(f[17]));
    } catch (IllegalArgumentException e) {
      throw ParseException.malformed(FORMAT, line.number(), line.text(), e.getMessage());
    }
  }

  /** The human layout's one-character leap column. */
  private static LeapStatus humanLeap(char c) {
    return switch (c) {
      case 'N' -> LeapStatus.NORMAL;
      case '+' -> LeapStatus.INSERT_SECOND;
      case '-' -> LeapStatus.DELETE_SECOND;
      default -> LeapStatus.UNSYNCHRONISED; // '?'
    };
  }
}
