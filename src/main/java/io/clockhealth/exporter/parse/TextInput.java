package io.clockhealth.exporter.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The check every parser makes before looking at the layout: there is text, it is not one of the
 * tool's error messages, and it is text at all. Hands out numbered lines so that every later error
 * names the line it is about.
 */
public final class TextInput {

  private TextInput() {}

  /**
   * The lines of {@code text}, blank ones included so that numbering matches the input.
   *
   * @throws ParseException TOOL_ERROR for an error message {@code errors} finds anywhere in the
   *     text; MALFORMED for null input and for bytes that were not valid text
   */
  public static List<Line> lines(String format, @Nullable String text, ToolErrorDetector errors)
      throws ParseException {
    if (text == null) {
      throw ParseException.malformed(format, 0, null, "no input");
    }
    Optional<ToolError> error = errors.find(text);
    if (error.isPresent()) {
      throw ParseException.toolError(format, error.get().lineNumber(), error.get().line());
    }
    List<Line> lines = new ArrayList<>();
    for (String raw : text.lines().toList()) {
      String line = raw.stripTrailing();
      int number = lines.size() + 1;
      // The tools print text; U+FFFD is what a decoder leaves of bytes that were not UTF-8, and
      // control characters mean binary data: neither can be a line of theirs.
      if (line.indexOf('\uFFFD') >= 0) {
        throw ParseException.malformed(format, number, line, "invalid UTF-8 in input");
      }
      if (line.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t')) {
        throw ParseException.malformed(format, number, line, "control character in input");
      }
      lines.add(new Line(number, line));
    }
    return lines;
  }

  /**
   * {@code lines}, unless they are all blank.
   *
   * @throws ParseException MALFORMED "empty input" when there is nothing but blank lines
   */
  public static List<Line> requireContent(String format, List<Line> lines) throws ParseException {
    if (lines.stream().allMatch(Line::isBlank)) {
      throw ParseException.malformed(format, 0, null, "empty input");
    }
    return lines;
  }

  /** The lines that are not blank. */
  public static List<Line> nonBlank(List<Line> lines) {
    return lines.stream().filter(l -> !l.isBlank()).toList();
  }
}
