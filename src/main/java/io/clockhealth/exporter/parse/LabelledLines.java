package io.clockhealth.exporter.parse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The {@code Label: value} lines of one report (chronyc tracking, ntpdata, serverstats; timedatectl
 * status, timesync-status), keyed by label. The label is the text before the first colon, trimmed:
 * labels are aligned differently by each version, and values such as times and IPv6 addresses
 * contain colons, labels never do. Unknown and repeated labels are rejected as they are added, so
 * another command's output, or two reports pasted together, never parse as one.
 */
public final class LabelledLines {

  private final String format;
  private final Set<String> knownLabels;
  private final Map<String, Line> lines = new LinkedHashMap<>();

  public LabelledLines(String format, Set<String> knownLabels) {
    this.format = format;
    this.knownLabels = knownLabels;
  }

  /** The label of a line, or {@code null} when it has no colon. */
  public static @Nullable String labelOf(Line line) {
    int colon = line.text().indexOf(':');
    return colon < 0 ? null : line.text().substring(0, colon).strip();
  }

  /** Whether the line is a {@code Label: value} line with one of {@code labels}. */
  public static boolean hasLabel(Line line, Set<String> labels) {
    String label = labelOf(line);
    return label != null && labels.contains(label);
  }

  /** The text after the line's first colon, trimmed. */
  public static String valueOf(Line line) {
    return line.text().substring(line.text().indexOf(':') + 1).strip();
  }

  public void add(Line line) throws ParseException {
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

  public boolean has(String label) {
    return lines.containsKey(label);
  }

  /**
   * Converts the value of a line that must be present. The conversion throws {@link
   * IllegalArgumentException} on a bad value, reported against that line.
   */
  public <T> T required(String label, Function<String, T> conversion) throws ParseException {
    Line line = lines.get(label);
    if (line == null) {
      throw ParseException.malformed(format, 0, null, "missing '" + label + "' line");
    }
    return convert(line, conversion);
  }

  /** As {@link #required}, but {@code null} when the line is absent. */
  public <T> @Nullable T optional(String label, Function<String, T> conversion)
      throws ParseException {
    Line line = lines.get(label);
    return line == null ? null : convert(line, conversion);
  }

  /** The first of {@code labels} that is present, or {@code null}. */
  public @Nullable String firstPresent(String... labels) {
    for (String label : labels) {
      if (lines.containsKey(label)) {
        return label;
      }
    }
    return null;
  }

  private <T> T convert(Line line, Function<String, T> conversion) throws ParseException {
    try {
      return conversion.apply(valueOf(line));
    } catch (IllegalArgumentException e) {
      throw ParseException.malformed(format, line.number(), line.text(), e.getMessage());
    }
  }

  /** Matches a whole value against {@code pattern}, or explains what was expected. */
  public static Matcher matching(Pattern pattern, String value, String expected) {
    Matcher m = pattern.matcher(value);
    if (!m.matches()) {
      throw new IllegalArgumentException("expected " + expected);
    }
    return m;
  }
}
