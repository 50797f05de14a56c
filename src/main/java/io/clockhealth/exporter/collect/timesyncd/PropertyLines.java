package io.clockhealth.exporter.collect.timesyncd;

import io.clockhealth.exporter.parse.Line;
import io.clockhealth.exporter.parse.ParseException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The {@code Name=value} lines of {@code timedatectl show} and {@code show-timesync}, keyed by
 * property name. Every non-blank line must be one; a property may appear once.
 */
final class PropertyLines {

  // D-Bus property names are identifiers; the value is everything after the first '='.
  private static final Pattern PROPERTY = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)=(.*)");

  private final String format;
  private final Map<String, Line> lines;

  private PropertyLines(String format, Map<String, Line> lines) {
    this.format = format;
    this.lines = lines;
  }

  /**
   * Whether a text has a line for any of {@code names}: how a {@code show} output is told from
   * another object's, each having properties of its own.
   */
  static Predicate<String> namingAnyOf(String... names) {
    String alternatives = Arrays.stream(names).map(Pattern::quote).collect(Collectors.joining("|"));
    return Pattern.compile("(?m)^\\s*(?:" + alternatives + ")=").asPredicate();
  }

  /**
   * Reads the properties of {@code text}, which must include at least one of {@code known}: a
   * listing of some other object's properties is not this format.
   */
  static PropertyLines read(String format, String text, Set<String> known) throws ParseException {
    Map<String, Line> lines = new LinkedHashMap<>();
    for (Line line : TimedatectlInput.lines(format, text)) {
      if (line.isBlank()) {
        continue;
      }
      Matcher m = PROPERTY.matcher(line.text().strip());
      if (!m.matches()) {
        throw ParseException.malformed(format, line.number(), line.text(), "expected 'Name=value'");
      }
      if (lines.putIfAbsent(m.group(1), line) != null) {
        throw ParseException.malformed(
            format, line.number(), line.text(), "repeated property " + m.group(1));
      }
    }
    if (Collections.disjoint(lines.keySet(), known)) {
      throw ParseException.malformed(
          format,
          0,
          null,
          "none of the properties " + String.join(", ", known.stream().sorted().toList()));
    }
    return new PropertyLines(format, lines);
  }

  /** The raw value of {@code name}, stripped; {@code null} when the line is absent. */
  @Nullable String raw(String name) {
    Line line = lines.get(name);
    return line == null ? null : valueOf(line);
  }

  /**
   * Converts the value of {@code name}: {@code null} when the line is absent or its value is empty
   * (show-timesync --all prints unset properties as {@code Name=}). A conversion failure is
   * reported against that line.
   */
  <T> @Nullable T optional(String name, Function<String, T> conversion) throws ParseException {
    Line line = lines.get(name);
    if (line == null || valueOf(line).isEmpty()) {
      return null;
    }
    try {
      return conversion.apply(valueOf(line));
    } catch (IllegalArgumentException e) {
      throw ParseException.malformed(format, line.number(), line.text(), e.getMessage());
    }
  }

  /** A space-separated list (the *NTPServers properties); empty when absent or empty. */
  List<String> list(String name) {
    String value = raw(name);
    return value == null || value.isEmpty() ? List.of() : List.of(value.split("\\s+"));
  }

  /** Every property whose name is not in {@code known}. */
  OtherProperties others(Set<String> known) {
    Map<String, String> others = new LinkedHashMap<>();
    lines.forEach(
        (name, line) -> {
          if (!known.contains(name)) {
            others.put(name, valueOf(line));
          }
        });
    return new OtherProperties(others);
  }

  private static String valueOf(Line line) {
    String text = line.text().strip();
    return text.substring(text.indexOf('=') + 1).strip();
  }
}
