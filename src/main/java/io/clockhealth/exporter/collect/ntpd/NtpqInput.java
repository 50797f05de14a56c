package io.clockhealth.exporter.collect.ntpd;

import io.clockhealth.exporter.parse.Line;
import io.clockhealth.exporter.parse.ParseException;
import io.clockhealth.exporter.parse.TextInput;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The checks both ntpq parsers make before looking at the layout: the text is present, is not one
 * of ntpq's error messages, and is text at all. Hands out the numbered lines that matter, so every
 * later error can name its line.
 */
final class NtpqInput {

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
    List<Line> lines = new ArrayList<>();
    for (Line line : TextInput.lines(format, text, NtpqErrors.DETECTOR)) {
      boolean leadingPrompt = lines.isEmpty() && PROMPT.matcher(line.text().strip()).matches();
      if (!line.isBlank() && !leadingPrompt) {
        lines.add(line);
      }
    }
    if (lines.isEmpty()) {
      throw ParseException.malformed(format, 0, null, "empty input");
    }
    return lines;
  }

  /** The first non-blank line that is not an {@code ntpq>} prompt; empty when there is none. */
  static String firstLine(@Nullable String text) {
    return leadingLines(text, 1).stream().findFirst().orElse("");
  }

  /** Up to {@code count} leading non-blank, non-prompt lines, stripped, for format detection. */
  static List<String> leadingLines(@Nullable String text, int count) {
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
