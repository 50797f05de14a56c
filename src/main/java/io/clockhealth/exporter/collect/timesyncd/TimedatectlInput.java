package io.clockhealth.exporter.collect.timesyncd;

import io.clockhealth.exporter.parse.Line;
import io.clockhealth.exporter.parse.ParseException;
import io.clockhealth.exporter.parse.TextInput;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The checks every timedatectl parser makes before looking at the layout: there is text, it is not
 * one of timedatectl's error messages, and it is text at all. Hands out numbered lines so that
 * every later error names the line it is about.
 */
final class TimedatectlInput {

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
    String cleaned = text == null ? null : SGR.matcher(text).replaceAll("");
    return TextInput.requireContent(
        format, TextInput.lines(format, cleaned, TimedatectlErrors.DETECTOR));
  }
}
