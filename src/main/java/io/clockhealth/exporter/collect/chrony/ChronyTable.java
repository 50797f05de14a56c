package io.clockhealth.exporter.collect.chrony;

import io.clockhealth.exporter.collect.chrony.ChronyInput.Line;
import io.clockhealth.exporter.parse.ParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the data rows of a chronyc table (sources, sourcestats, authdata) in its human layout: what
 * may precede the header, the header itself, and the {@code =====} rule under it.
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

  private ChronyTable() {}

  /**
   * The non-blank lines below the header and its rule; empty for a table without rows.
   *
   * @param header matches the whole header line (trailing whitespace already removed)
   * @param headerName how to name the header in an error
   */
  static List<Line> rows(String format, List<Line> lines, Pattern header, String headerName)
      throws ParseException {
    int i = 0;
    while (i < lines.size() && !header.matcher(lines.get(i).text()).matches()) {
      Line line = lines.get(i);
      if (!line.isBlank()
          && !SOURCE_COUNT.matcher(line.text()).matches()
          && !LEGEND.matcher(line.text()).matches()) {
        throw ParseException.malformed(
            format, line.number(), line.text(), "expected the '" + headerName + "' header");
      }
      i++;
    }
    if (i == lines.size()) {
      throw ParseException.malformed(format, 0, null, "no '" + headerName + "' header");
    }
    Line headerLine = lines.get(i);
    if (i + 1 == lines.size() || !RULE.matcher(lines.get(i + 1).text()).matches()) {
      throw ParseException.malformed(
          format, headerLine.number(), headerLine.text(), "header not followed by a '=====' rule");
    }
    return ChronyInput.nonBlank(lines.subList(i + 2, lines.size()));
  }
}
