package io.clockhealth.exporter.collect.chrony;

import io.clockhealth.exporter.parse.LabelledLines;
import io.clockhealth.exporter.parse.Line;
import io.clockhealth.exporter.parse.ParseException;
import io.clockhealth.exporter.parse.TextInput;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
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
   * @throws ParseException MALFORMED unless there are as many as one of {@code counts} (a later
   *     chrony may append fields to a report)
   */
  static String[] csvFields(String format, Line line, int... counts) throws ParseException {
    String[] f = line.text().split(",", -1);
    for (int count : counts) {
      if (f.length == count) {
        return f;
      }
    }
    throw ParseException.malformed(
        format,
        line.number(),
        line.text(),
        "expected "
            + Arrays.stream(counts).mapToObj(String::valueOf).collect(Collectors.joining(" or "))
            + " comma-separated fields, found "
            + f.length);
  }

  /** A reader of one layout of a report, from its non-blank lines. */
  @FunctionalInterface
  interface Layout<T> {
    T read(List<Line> nonBlank) throws ParseException;
  }

  /**
   * A report printed either as {@code Label : value} lines or as one CSV line, read by the layout
   * it is in: CSV when its first line has none of the human layout's labels and has commas (a CSV
   * line may hold an IPv6 name, so colons decide nothing).
   */
  static <T> T byLayout(
      String format, String text, Set<String> labels, Layout<T> human, Layout<T> csv)
      throws ParseException {
    List<Line> lines = TextInput.nonBlank(lines(format, text));
    Line first = lines.get(0);
    boolean isCsv = !LabelledLines.hasLabel(first, labels) && first.text().contains(",");
    return isCsv ? csv.read(lines) : human.read(lines);
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
