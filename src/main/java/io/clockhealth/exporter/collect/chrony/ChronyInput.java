package io.clockhealth.exporter.collect.chrony;

import io.clockhealth.exporter.parse.Line;
import io.clockhealth.exporter.parse.ParseException;
import io.clockhealth.exporter.parse.TextInput;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The checks every chronyc parser makes before looking at the layout: the text is present, is not
 * one of chronyc's error replies, and is text at all. Hands out numbered lines so that every later
 * error can name the line it is about.
 */
final class ChronyInput {

  private ChronyInput() {}

  /**
   * The lines of {@code text} (blank ones included, so numbering matches the input).
   *
   * @throws ParseException TOOL_ERROR for a chronyc error reply anywhere in the text; MALFORMED for
   *     null/blank input or for bytes that were not valid text
   */
  static List<Line> lines(String format, String text) throws ParseException {
    return TextInput.requireContent(format, TextInput.lines(format, text, ChronyErrors.DETECTOR));
  }

  /**
   * As {@link #lines}, but blank input yields no lines: in the CSV layout a table with no rows is
   * printed as nothing at all.
   */
  static List<Line> linesAllowingEmpty(String format, String text) throws ParseException {
    List<Line> lines = TextInput.lines(format, text, ChronyErrors.DETECTOR);
    return lines.stream().allMatch(Line::isBlank) ? List.of() : lines;
  }

  /**
   * What a parser's {@code recognises} decides for {@code --format auto}: never null input; the
   * human layout when {@code human} says so of the whole text; else the CSV layout when {@code csv}
   * accepts the first non-blank line's comma-separated fields.
   */
  static boolean recognises(
      @Nullable String text, Predicate<String> human, Predicate<String[]> csv) {
    if (text == null) {
      return false;
    }
    if (human.test(text)) {
      return true;
    }
    return csv.test(firstLine(text).split(",", -1));
  }

  /**
   * The fields of a CSV line.
   *
   * @throws ParseException MALFORMED unless there are exactly {@code count}
   */
  static String[] csvFields(String format, Line line, int count) throws ParseException {
    String[] f = line.text().split(",", -1);
    if (f.length != count) {
      throw ParseException.malformed(
          format,
          line.number(),
          line.text(),
          "expected " + count + " comma-separated fields, found " + f.length);
    }
    return f;
  }

  /**
   * The one line of a report that chronyc -c prints as a single CSV line.
   *
   * @throws ParseException MALFORMED for a second non-blank line
   */
  static Line onlyCsvLine(String format, List<Line> nonBlank) throws ParseException {
    if (nonBlank.size() > 1) {
      Line extra = nonBlank.get(1);
      throw ParseException.malformed(
          format, extra.number(), extra.text(), "more than one CSV line");
    }
    return nonBlank.get(0);
  }

  /** The first non-blank line of {@code text}, stripped; empty when there is none. */
  static String firstLine(String text) {
    return text.strip().lines().findFirst().orElse("").strip();
  }
}
