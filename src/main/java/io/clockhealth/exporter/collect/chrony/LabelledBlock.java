package io.clockhealth.exporter.collect.chrony;

import io.clockhealth.exporter.collect.chrony.ChronyInput.Line;
import io.clockhealth.exporter.parse.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Label : value} lines of one chronyc report (tracking, ntpdata, serverstats), keyed by
 * label. Unknown and repeated labels are rejected as they are added, so a report of another
 * command, or two reports pasted together, never parse as one.
 */
final class LabelledBlock {

  private final String format;
  private final Set<String> knownLabels;
  private final Map<String, Line> lines = new LinkedHashMap<>();

  LabelledBlock(String format, Set<String> knownLabels) {
    this.format = format;
    this.knownLabels = knownLabels;
  }

  /**
   * The label of a line: the text before its first colon, trimmed (values such as dates contain
   * colons, labels never do). Null when the line has no colon.
   */
  static String labelOf(Line line) {
    int colon = line.text().indexOf(':');
    return colon < 0 ? null : line.text().substring(0, colon).strip();
  }

  /** Whether the line is a {@code Label : value} line with one of {@code labels}. */
  static boolean hasLabel(Line line, Set<String> labels) {
    String label = labelOf(line);
    return label != null && labels.contains(label);
  }

  static String valueOf(Line line) {
    return line.text().substring(line.text().indexOf(':') + 1).strip();
  }

  void add(Line line) throws ParseException {
    String label = labelOf(line);
    if (label == null) {
      throw ParseException.malformed(
          format, line.number(), line.text(), "expected 'Label : value'");
    }
    if (!hasLabel(line, knownLabels)) {
      throw ParseException.malformed(
          format, line.number(), line.text(), "unknown label '" + label + "'");
    }
    if (lines.putIfAbsent(label, line) != null) {
      throw ParseException.malformed(
          format, line.number(), line.text(), "repeated label '" + label + "'");
    }
  }

  /**
   * Converts the value of a line that must be present. The conversion throws {@link
   * IllegalArgumentException} on a bad value, reported against that line.
   */
  <T> T required(String label, Function<String, T> conversion) throws ParseException {
    Line line = lines.get(label);
    if (line == null) {
      throw ParseException.malformed(format, 0, null, "missing '" + label + "' line");
    }
    return convert(line, conversion);
  }

  /** As {@link #required}, but null when the line is absent. */
  <T> T optional(String label, Function<String, T> conversion) throws ParseException {
    Line line = lines.get(label);
    return line == null ? null : convert(line, conversion);
  }

  private <T> T convert(Line line, Function<String, T> conversion) throws ParseException {
    try {
      return conversion.apply(valueOf(line));
    } catch (IllegalArgumentException e) {
      throw ParseException.malformed(format, line.number(), line.text(), e.getMessage());
    }
  }

  /** Matches a whole value against {@code pattern}, or explains what was expected. */
  static Matcher matching(Pattern pattern, String value, String expected) {
    Matcher m = pattern.matcher(value);
    if (!m.matches()) {
      throw new IllegalArgumentException("expected " + expected);
    }
    return m;
  }
}
