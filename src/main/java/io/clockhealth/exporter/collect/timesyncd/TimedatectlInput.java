package io.clockhealth.exporter.collect.timesyncd;

import io.clockhealth.exporter.parse.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The checks every timedatectl parser makes before looking at the layout: there is text, it is not
 * one of timedatectl's error messages, and it is text at all. Hands out numbered lines so that
 * every later error names the line it is about.
 */
final class TimedatectlInput {

  /** One line, 1-based, without its terminator and trailing whitespace. */
  record Line(int number, String text) {

    boolean isBlank() {
      return text.isBlank();
    }
  }

  // Old timedatectl wrapped its RTC warning in highlight escapes even when not on a terminal.
  private static final Pattern SGR = Pattern.compile("\u001B\\[[0-9;]*m");

  private TimedatectlInput() {}

  /**
   * The lines of {@code text}, blank ones included so that numbering matches the input.
   *
   * @throws ParseException TOOL_ERROR for a timedatectl error message on any line; MALFORMED for
   *     missing or blank input and for bytes that were not valid text
   */
  static List<Line> lines(String format, String text) throws ParseException {
    if (text == null) {
      throw ParseException.malformed(format, 0, null, "no input");
    }
    String cleaned = SGR.matcher(text).replaceAll("");
    Optional<TimedatectlErrors.Found> error = TimedatectlErrors.locate(cleaned);
    if (error.isPresent()) {
      throw ParseException.toolError(format, error.get().lineNumber(), error.get().error().line());
    }
    List<Line> lines = new ArrayList<>();
    for (String raw : cleaned.lines().toList()) {
      String line = raw.stripTrailing();
      int number = lines.size() + 1;
      // U+FFFD is what a decoder leaves of bytes that were not UTF-8; control characters mean
      // binary data. Neither is in anything timedatectl prints.
      if (line.indexOf('\uFFFD') >= 0) {
        throw ParseException.malformed(format, number, line, "invalid UTF-8 in input");
      }
      if (line.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t')) {
        throw ParseException.malformed(format, number, line, "control character in input");
      }
      lines.add(new Line(number, line));
    }
    if (lines.stream().allMatch(Line::isBlank)) {
      throw ParseException.malformed(format, 0, null, "empty input");
    }
    return lines;
  }
}
