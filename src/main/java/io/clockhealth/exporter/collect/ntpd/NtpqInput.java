package io.clockhealth.exporter.collect.ntpd;

import io.clockhealth.exporter.parse.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The checks both ntpq parsers make before looking at the layout: the text is present, is not one
 * of ntpq's error messages, and is text at all. Hands out the numbered lines that matter, so every
 * later error can name its line.
 */
final class NtpqInput {

  /** One line of the input, 1-based, without its terminator and trailing whitespace. */
  record Line(int number, String text) {}

  // Copies of interactive sessions keep the prompt line ("ntpq> pe", "ntpq> rv").
  private static final Pattern PROMPT = Pattern.compile("ntpq>.*");

  private NtpqInput() {}

  /**
   * The non-blank lines of {@code text}, without leading {@code ntpq>} prompt lines.
   *
   * @throws ParseException TOOL_ERROR for an ntpq error message anywhere in the text; MALFORMED for
   *     null or blank input and for bytes that were not valid text
   */
  static List<Line> lines(String format, String text) throws ParseException {
    if (text == null) {
      throw ParseException.malformed(format, 0, null, "no input");
    }
    Optional<NtpqErrors.Located> error = NtpqErrors.locate(text);
    if (error.isPresent()) {
      NtpqErrors.Located found = error.get();
      throw ParseException.toolError(format, found.lineNumber(), found.error().line());
    }
    List<Line> lines = new ArrayList<>();
    int number = 0;
    for (String raw : text.lines().toList()) {
      number++;
      String line = raw.stripTrailing();
      // ntpq prints ASCII; U+FFFD is what a decoder leaves of bytes that were not UTF-8, and
      // control characters mean binary data (ntpsec's garbled filtdelay lines included).
      if (line.indexOf('\uFFFD') >= 0) {
        throw ParseException.malformed(format, number, line, "invalid UTF-8 in input");
      }
      if (line.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t')) {
        throw ParseException.malformed(format, number, line, "control character in input");
      }
      boolean leadingPrompt = lines.isEmpty() && PROMPT.matcher(line.strip()).matches();
      if (!line.isBlank() && !leadingPrompt) {
        lines.add(new Line(number, line));
      }
    }
    if (lines.isEmpty()) {
      throw ParseException.malformed(format, 0, null, "empty input");
    }
    return lines;
  }

  /** The first non-blank line that is not an {@code ntpq>} prompt; empty when there is none. */
  static String firstLine(String text) {
    return leadingLines(text, 1).stream().findFirst().orElse("");
  }

  /** Up to {@code count} leading non-blank, non-prompt lines, stripped, for format detection. */
  static List<String> leadingLines(String text, int count) {
    List<String> result = new ArrayList<>(count);
    if (text == null) {
      return result;
    }
    for (String raw : text.lines().toList()) {
      String line = raw.strip();
      if (line.isEmpty() || (result.isEmpty() && PROMPT.matcher(line).matches())) {
        continue;
      }
      result.add(line);
      if (result.size() == count) {
        break;
      }
    }
    return result;
  }
}
