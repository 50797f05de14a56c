package io.clockhealth.exporter.collect.chrony;

import io.clockhealth.exporter.parse.Line;
import io.clockhealth.exporter.parse.ParseException;
import io.clockhealth.exporter.parse.TextInput;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a chronyc table (sources, sourcestats, authdata) in either layout: the human one, with what
 * may precede the header, the header itself and the {@code =====} rule under it; or the CSV one of
 * {@code chronyc -c}, one line per row and nothing else.
 *
 * <p>Before the header chrony may print {@code 210 Number of sources = N} (≤ 3.5) and, with {@code
 * -v}, a legend whose lines are full of {@code ^ * + - ?}: rows are therefore only looked for below
 * the header and rule, never recognised by their first character.
 */
final class ChronyTable {

  // The count is not checked against the rows: documentation copies often shorten the table.
  private static final Pattern SOURCE_COUNT = Pattern.compile("210 Number of sources = \\d+");
  // Legend lines are drawn with . | / \ (chrony 1.x–4.x, sources and sourcestats alike).
  private static final Pattern LEGEND = Pattern.compile("\\s*[.|/\\\\].*");
  // The rule's length follows the header's, which varies with trailing padding: any length.
  private static final Pattern RULE = Pattern.compile("={3,}");

  /**
   * A table's header in the human layout.
   *
   * @param start finds the header's beginning anywhere in the text (multiline, anchored at a line
   *     start): its presence is what tells the human layout from the CSV one
   * @param line matches the whole header line (trailing whitespace already removed)
   * @param name how to name the header in an error
   */
  record Header(Pattern start, Pattern line, String name) {}

  /** Turns one data line into a row. */
  @FunctionalInterface
  interface RowParser<T> {
    T parse(Line line) throws ParseException;
  }

  private ChronyTable() {}

  /**
   * The rows in printed order. A table without rows is valid: chrony prints only the header then,
   * and in the CSV layout nothing at all, so blank input is an empty list too.
   */
  static <T> List<T> parse(
      String format, String text, Header header, RowParser<T> humanRow, RowParser<T> csvRow)
      throws ParseException {
    List<Line> lines = ChronyInput.linesAllowingEmpty(format, text);
    if (lines.isEmpty()) {
      return List.of();
    }
    // Without a header, a first line with commas is the CSV layout (names may be IPv6 addresses,
    // so a colon says nothing).
    boolean csv =
        !header.start().matcher(text).find()
            && TextInput.nonBlank(lines).get(0).text().contains(",");
    List<T> rows = new ArrayList<>();
    if (csv) {
      for (Line line : TextInput.nonBlank(lines)) {
        rows.add(csvRow.parse(line));
      }
    } else {
      for (Line line : humanRows(format, lines, header)) {
        rows.add(humanRow.parse(line));
      }
    }
    return List.copyOf(rows);
  }

  /** The non-blank lines below the header and its rule; empty for a table without rows. */
  private static List<Line> humanRows(String format, List<Line> lines, Header header)
      throws ParseException {
    int i = 0;
    while (i < lines.size() && !header.line().matcher(lines.get(i).text()).matches()) {
      Line line = lines.get(i);
      if (!line.isBlank()
          && !SOURCE_COUNT.matcher(line.text()).matches()
          && !LEGEND.matcher(line.text()).matches()) {
        throw ParseException.malformed(
            format, line.number(), line.text(), "expected the '" + header.name() + "' header");
      }
      i++;
    }
    if (i == lines.size()) {
      throw ParseException.malformed(format, 0, null, "no '" + header.name() + "' header");
    }
    Line headerLine = lines.get(i);
    if (i + 1 == lines.size() || !RULE.matcher(lines.get(i + 1).text()).matches()) {
      throw ParseException.malformed(
          format, headerLine.number(), headerLine.text(), "header not followed by a '=====' rule");
    }
    return TextInput.nonBlank(lines.subList(i + 2, lines.size()));
  }
}
