package io.clockhealth.exporter.collect.chrony;

import io.clockhealth.exporter.parse.AbstractTextParser;
import io.clockhealth.exporter.parse.Line;
import io.clockhealth.exporter.parse.ParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code chronyc sources} (with or without {@code -v}, chrony 1.x–4.x) and {@code chronyc -c
 * sources}. Offsets keep chrony's sign, which already is local minus source.
 */
public final class SourcesParser extends AbstractTextParser<List<ChronySource>> {

  public static final String FORMAT = "chronyc-sources";

  private static final ChronyTable.Header HEADER =
      new ChronyTable.Header(
          Pattern.compile("(?m)^MS Name/IP address\\s+Stratum\\s+Poll"),
          Pattern.compile(
              "MS Name/IP address\\s+Stratum\\s+Poll\\s+Reach\\s+LastRx\\s+Last sample"),
          "MS Name/IP address ... Last sample");

  private static final String SAMPLE = "[+-]?\\d+(?:\\.\\d+)?[a-z]{1,2}";
  // ^* name  stratum poll reach lastrx  +adj[+meas] +/- err
  private static final Pattern ROW =
      Pattern.compile(
          "([\\^=#])([*+\\-x~?]) (\\S+)\\s+(\\d+)\\s+(-?\\d+)\\s+([0-7]+)\\s+(-|\\d+[mhdy]?)\\s+("
              + SAMPLE
              + ")\\s*\\[\\s*("
              + SAMPLE
              + ")\\s*\\]\\s+\\+/-\\s+("
              + SAMPLE
              + ")");

  private static final int CSV_FIELDS = 10;
  private static final String MODES = "^=#";
  private static final String STATES = "*+-x~?";

  public SourcesParser() {
    super(FORMAT, SourcesParser::looksLike);
  }

  /** True when {@code text} looks like sources output, human or CSV. */
  private static boolean looksLike(String text) {
    return ChronyInput.recognises(
        text,
        HEADER.start().asPredicate(),
        f -> f.length == CSV_FIELDS && symbol(f[0], MODES) && symbol(f[1], STATES));
  }

  /**
   * The rows in printed order. A table without rows is valid: chrony prints only the header then,
   * and in the CSV layout nothing at all, so blank input is an empty list too.
   */
  @Override
  public List<ChronySource> parse(String text) throws ParseException {
    return ChronyTable.parse(FORMAT, text, HEADER, SourcesParser::humanRow, SourcesParser::csvRow);
  }

  private static ChronySource humanRow(Line line) throws ParseException {
    Matcher m = ROW.matcher(line.text());
    if (!m.matches()) {
      throw ParseException.malformed(FORMAT, line.number(), line.text(), "not a sources row");
    }
    try {
      return new ChronySource(
          m.group(1).charAt(0),
          m.group(2).charAt(0),
          m.group(3),
          ChronyUnits.count(m.group(4)),
          ChronyUnits.integer(m.group(5)),
          ChronyUnits.octalReach(m.group(6)),
          ChronyUnits.intervalSeconds(m.group(7)),
          ChronyUnits.sampleSeconds(m.group(8)),
          ChronyUnits.sampleSeconds(m.group(9)),
          ChronyUnits.sampleSeconds(m.group(10)));
    } catch (IllegalArgumentException e) {
      throw ParseException.malformed(FORMAT, line.number(), line.text(), e.getMessage());
    }
  }

  private static ChronySource csvRow(Line line) throws ParseException {
    String[] f = ChronyInput.csvFields(FORMAT, line, CSV_FIELDS);
    if (!symbol(f[0], MODES) || !symbol(f[1], STATES) || f[2].isEmpty()) {
      throw ParseException.malformed(
          FORMAT, line.number(), line.text(), "expected mode, state and name first");
    }
    try {
      return new ChronySource(
          f[0].charAt(0),
          f[1].charAt(0),
          f[2],
          ChronyUnits.count(f[3]),
          ChronyUnits.integer(f[4]),
          ChronyUnits.octalReach(f[5]),
          ChronyUnits.csvIntervalSeconds(f[6]),
          ChronyUnits.decimal(f[7]),
          ChronyUnits.decimal(f[8]),
          ChronyUnits.decimal(f[9]));
    } catch (IllegalArgumentException e) {
      throw ParseException.malformed(FORMAT, line.number(), line.text(), e.getMessage());
    }
  }

  private static boolean symbol(String field, String allowed) {
    return field.length() == 1 && allowed.indexOf(field.charAt(0)) >= 0;
  }
}
