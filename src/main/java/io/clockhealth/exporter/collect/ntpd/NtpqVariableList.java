package io.clockhealth.exporter.collect.ntpd;

import io.clockhealth.exporter.parse.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits ntpq's {@code name=value, name=value,} lists (the lines after the status line of {@code
 * rv}/{@code rl}) into variables.
 *
 * <p>Items are separated by commas outside double quotes, and by line ends: old versions print
 * several {@code cert="…"} lines with no comma between them. A piece without {@code name=} that
 * follows a comma on the same line belongs to the previous value: classic ntpd's dates contain a
 * comma ({@code reftime=d93dab96.09666671 Tue, Jun 30 2015 23:58:14.036}). ntpq wraps only between
 * items, so a line must start with a {@code name=}.
 */
final class NtpqVariableList {

  /** One variable; {@code value} is unquoted and without the stray {@code ?} some versions add. */
  record Variable(String name, String value, Line line) {}

  // ntpsec aligns a few peer variables as "filtdelay =", so blanks may precede the '='.
  private static final Pattern PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*=(.*)");
  // ntpd 4.2.0 prints version="…"? : the '?' marks a value it could not vouch for, not data.
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"\\??");

  private NtpqVariableList() {}

  /**
   * Appends the variables of {@code line} to {@code variables}.
   *
   * @throws IllegalArgumentException for a line that is not a list of {@code name=value} items
   */
  static void addLine(Line line, List<Variable> variables) {
    List<String> pieces = splitOutsideQuotes(line.text());
    Variable previous = null;
    for (int i = 0; i < pieces.size(); i++) {
      String piece = pieces.get(i).strip();
      if (piece.isEmpty()) {
        continue;
      }
      Matcher pair = PAIR.matcher(piece);
      if (pair.matches()) {
        previous = new Variable(pair.group(1), unquote(pair.group(2).strip()), line);
        variables.add(previous);
      } else if (previous != null) {
        previous = new Variable(previous.name(), previous.value() + ", " + piece, line);
        variables.set(variables.size() - 1, previous);
      } else {
        throw new IllegalArgumentException("expected name=value, found '" + piece + "'");
      }
    }
  }

  private static List<String> splitOutsideQuotes(String text) {
    List<String> pieces = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      }
      if (c == ',' && !quoted) {
        pieces.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("unterminated quoted value");
    }
    pieces.add(current.toString());
    return pieces;
  }

  private static String unquote(String value) {
    if (!value.startsWith("\"")) {
      return value;
    }
    Matcher m = QUOTED.matcher(value);
    if (!m.matches()) {
      throw new IllegalArgumentException("text after a quoted value: '" + value + "'");
    }
    return m.group(1);
  }
}
