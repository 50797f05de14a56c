package io.clockhealth.exporter.collect.timesyncd;

import io.clockhealth.exporter.collect.timesyncd.TimedatectlInput.Line;
import io.clockhealth.exporter.parse.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code Label: value} lines of timedatectl's human outputs. Labels are right-aligned to the
 * longest one, so their indentation varies by version and is ignored; the label is the text before
 * the first colon (values such as times and IPv6 addresses contain colons, labels never do).
 * Unknown and repeated labels are rejected, so another command's output never parses as this one.
 */
final class LabelledLines {

  private final String format;
  private final Set<String> knownLabels;
  private final Map<String, Line> lines = new LinkedHashMap<>();

  LabelledLines(String format, Set<String> knownLabels) {
    this.format = format;
    this.knownLabels = knownLabels;
  }

  /** The label of a line, or {@code null} when it has no colon. */
  static String labelOf(Line line) {
    int colon = line.text().indexOf(':');
    return colon < 0 ? null : line.text().substring(0, colon).strip();
  }

  void add(Line line) throws ParseException {
    String label = labelOf(line);
    if (label == null) {
      throw ParseException.malformed(format, line.number(), line.text(), "expected 'Label: value'");
    }
    if (!knownLabels.contains(label)) {
      throw ParseException.malformed(
          format, line.number(), line.text(), "unknown label '" + label + "'");
    }
    if (lines.putIfAbsent(label, line) != null) {
      throw ParseException.malformed(
          format, line.number(), line.text(), "repeated label '" + label + "'");
    }
  }

  boolean has(String label) {
    return lines.containsKey(label);
  }

  /** Converts the value of a line that must be present; a bad value is reported at its line. */
  <T> T required(String label, Function<String, T> conversion) throws ParseException {
    if (!lines.containsKey(label)) {
      throw ParseException.malformed(format, 0, null, "missing '" + label + "' line");
    }
    return optional(label, conversion);
  }

  /** As {@link #required}, but {@code null} when the line is absent. */
  <T> T optional(String label, Function<String, T> conversion) throws ParseException {
    Line line = lines.get(label);
    if (line == null) {
      return null;
    }
    try {
      return conversion.apply(valueOf(line));
    } catch (IllegalArgumentException e) {
      throw ParseException.malformed(format, line.number(), line.text(), e.getMessage());
    }
  }

  /** The first of {@code labels} that is present, or {@code null}. */
  String firstPresent(String... labels) {
    for (String label : labels) {
      if (lines.containsKey(label)) {
        return label;
      }
    }
    return null;
  }

  private static String valueOf(Line line) {
    return line.text().substring(line.text().indexOf(':') + 1).strip();
  }
}
