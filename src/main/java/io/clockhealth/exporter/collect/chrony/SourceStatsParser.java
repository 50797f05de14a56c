package io.clockhealth.exporter.collect.chrony;

import io.clockhealth.exporter.parse.AbstractTextParser;
import io.clockhealth.exporter.parse.Line;
import io.clockhealth.exporter.parse.ParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code chronyc sourcestats} (with or without {@code -v}) and {@code chronyc -c
 * sourcestats}.
 */
public final class SourceStatsParser extends AbstractTextParser<List<ChronySourceStats>> {

  public static final String FORMAT = "chronyc-sourcestats";

  private static final ChronyTable.Header HEADER =
      new ChronyTable.Header(
          Pattern.compile("(?m)^Name/IP Address\\s+NP\\s+NR"),
          Pattern.compile(
              "Name/IP Address\\s+NP\\s+NR\\s+Span\\s+Frequency\\s+Freq Skew\\s+Offset\\s+Std Dev"),
          "Name/IP Address NP NR Span ... Std Dev");

  private static final String NUMBER = "[+-]?\\d+(?:\\.\\d+)?";
  private static final String SAMPLE = NUMBER + "[a-z]{1,2}";
  // name  NP  NR  span  frequency  skew  offset  stddev
  private static final Pattern ROW =
      Pattern.compile(
          "(\\S+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+[mhdy]?)\\s+("
              + NUMBER
              + ")\\s+("
              + NUMBER
              + ")\\s+("
              + SAMPLE
              + ")\\s+("
              + SAMPLE
              + ")");

  private static final int CSV_FIELDS = 8;
  // In CSV, chrony prints frequencies with 3 decimals and offsets with 9: this tells a
  // sourcestats line from the all-integer serverstats one.
  private static final Pattern CSV_FREQUENCY = Pattern.compile("[+-]?\\d+\\.\\d{3}");
  private static final Pattern CSV_SECONDS = Pattern.compile("[+-]?\\d+\\.\\d{9}");

  public SourceStatsParser() {
    super(FORMAT, SourceStatsParser::looksLike);
  }

  /** True when {@code text} looks like sourcestats output, human or CSV. */
  private static boolean looksLike(String text) {
    return ChronyInput.recognises(
        text,
        HEADER.start().asPredicate(),
        f ->
            f.length == CSV_FIELDS
                && CSV_FREQUENCY.matcher(f[4]).matches()
                && CSV_SECONDS.matcher(f[6]).matches());
  }

  /**
   * The rows in printed order. As with sources, a table without rows (header only, or nothing in
   * the CSV layout) is an empty list.
   */
  @Override
  public List<ChronySourceStats> parse(String text) throws ParseException {
    return ChronyTable.parse(
        FORMAT, text, HEADER, SourceStatsParser::humanRow, SourceStatsParser::csvRow);
  }

  private static ChronySourceStats humanRow(Line line) throws ParseException {
    Matcher m = ROW.matcher(line.text());
    if (!m.matches()) {
      throw ParseException.malformed(FORMAT, line.number(), line.text(), "not a sourcestats row");
    }
    try {
      return new ChronySourceStats(
          m.group(1),
          ChronyUnits.count(m.group(2)),
          ChronyUnits.count(m.group(3)),
          ChronyUnits.spanSeconds(m.group(4)),
          ChronyUnits.decimal(m.group(5)),
          ChronyUnits.decimal(m.group(6)),
          ChronyUnits.sampleSeconds(m.group(7)),
          ChronyUnits.sampleSeconds(m.group(8)));
    } catch (IllegalArgumentException e) {
      throw ParseException.malformed(FORMAT, line.number(), line.text(), e.getMessage());
    }
  }

  private static ChronySourceStats csvRow(Line line) throws ParseException {
    String[] f = ChronyInput.csvFields(FORMAT, line, CSV_FIELDS);
    if (f[0].isEmpty()) {
      throw ParseException.malformed(FORMAT, line.number(), line.text(), "expected a name first");
    }
    try {
      return new ChronySourceStats(
          f[0],
          ChronyUnits.count(f[1]),
          ChronyUnits.count(f[2]),
          (double) ChronyUnits.counter(f[3]),
          ChronyUnits.decimal(f[4]),
          ChronyUnits.decimal(f[5]),
          ChronyUnits.decimal(f[6]),
          ChronyUnits.decimal(f[7]));
    } catch (IllegalArgumentException e) {
      throw ParseException.malformed(FORMAT, line.number(), line.text(), e.getMessage());
    }
  }
}
