package io.clockhealth.exporter.collect.chrony;

import io.clockhealth.exporter.parse.AbstractTextParser;
import io.clockhealth.exporter.parse.Line;
import io.clockhealth.exporter.parse.ParseException;
import io.clockhealth.exporter.parse.TextInput;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code chronyc activity}: {@code 200 OK} and five count lines, or with {@code -c} the five
 * counts as one CSV line.
 *
 * <p>{@code --format auto} recognises the human layout only: the CSV line is five unsigned
 * integers, exactly what chrony 3's {@code -c serverstats} prints, so it is read as this report
 * only when asked for by name (the collector does, and {@code --format chronyc-activity}).
 */
public final class ActivityParser extends AbstractTextParser<ChronyActivity> {

  public static final String FORMAT = "chronyc-activity";

  private static final String OK = "200 OK";
  private static final String[] SUFFIXES = {
    "sources online",
    "sources offline",
    "sources doing burst (return to online)",
    "sources doing burst (return to offline)",
    "sources with unknown address"
  };
  private static final Pattern COUNT_LINE = Pattern.compile("(\\d+) (.+)");
  private static final Pattern HUMAN = Pattern.compile("(?m)^\\d+ sources online$");
  private static final Pattern CSV_LINE = Pattern.compile("\\d+(?:,\\d+){4}");

  public ActivityParser() {
    super(FORMAT, text -> HUMAN.matcher(text).find());
  }

  /** The one line of {@code -c activity}: five unsigned counts (for the collector's batch). */
  static boolean isCsvLine(String line) {
    return CSV_LINE.matcher(line.strip()).matches();
  }

  @Override
  public ChronyActivity parse(String text) throws ParseException {
    List<Line> lines = TextInput.nonBlank(ChronyInput.lines(FORMAT, text));
    Line first = lines.get(0);
    if (lines.size() == 1 && first.text().contains(",")) {
      String[] f = ChronyInput.csvFields(FORMAT, first, SUFFIXES.length);
      return activity(first, f);
    }
    int start = first.text().equals(OK) ? 1 : 0;
    if (lines.size() - start != SUFFIXES.length) {
      throw ParseException.malformed(
          FORMAT,
          first.number(),
          first.text(),
          "expected '200 OK' and " + SUFFIXES.length + " count lines");
    }
    String[] counts = new String[SUFFIXES.length];
    for (int i = 0; i < SUFFIXES.length; i++) {
      Line line = lines.get(start + i);
      Matcher m = COUNT_LINE.matcher(line.text());
      if (!m.matches() || !m.group(2).equals(SUFFIXES[i])) {
        throw ParseException.malformed(
            FORMAT, line.number(), line.text(), "expected 'N " + SUFFIXES[i] + "'");
      }
      counts[i] = m.group(1);
    }
    return activity(first, counts);
  }

  private static ChronyActivity activity(Line line, String[] counts) throws ParseException {
    try {
      return new ChronyActivity(
          ChronyUnits.count(counts[0]),
          ChronyUnits.count(counts[1]),
          ChronyUnits.count(counts[2]),
          ChronyUnits.count(counts[3]),
          ChronyUnits.count(counts[4]));
    } catch (IllegalArgumentException e) {
      throw ParseException.malformed(FORMAT, line.number(), line.text(), e.getMessage());
    }
  }
}
