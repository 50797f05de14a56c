package io.clockhealth.exporter.collect.ntpd;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value notations ntpq prints. Each method throws {@link IllegalArgumentException} with a short
 * reason, which the parsers turn into a ParseException naming the line.
 */
final class NtpqValues {

  // Plain decimals as C's %f/%d and Python's repr() print them ("6e-05" from ntpsec); never
  // Java-only forms such as "NaN", "1d" or hex floats, which Double.parseDouble would accept.
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d{1,3})?");
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,9}");
  // when/poll: seconds up to 2048, then whole minutes, hours or days with a suffix.
  private static final Pattern INTERVAL = Pattern.compile("(\\d{1,9})([mhd]?)");
  private static final Pattern OCTAL_REACH = Pattern.compile("[0-7]{1,3}");

  private static final int REACH_MAX = 0377;

  private NtpqValues() {}

  static double decimal(String text) {
    if (text == null || !DECIMAL.matcher(text).matches()) {
      throw new IllegalArgumentException("not a number: '" + text + "'");
    }
    return Double.parseDouble(text);
  }

  static int integer(String text) {
    if (text == null || !INTEGER.matcher(text).matches()) {
      throw new IllegalArgumentException("not an integer: '" + text + "'");
    }
    return Integer.parseInt(text);
  }

  /** An interval such as {@code 64}, {@code 17m}, {@code 2h}, {@code 3d}, in seconds. */
  static double intervalSeconds(String text) {
    Matcher m = INTERVAL.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("not an interval: '" + text + "'");
    }
    long value = Long.parseLong(m.group(1));
    long unit =
        switch (m.group(2)) {
          case "m" -> 60;
          case "h" -> 3600;
          case "d" -> 86400;
          default -> 1;
        };
    return (double) (value * unit);
  }

  /** The reach register, printed in octal ({@code 377} = the last 8 polls answered = 255). */
  static int octalReach(String text) {
    if (!OCTAL_REACH.matcher(text).matches()) {
      throw new IllegalArgumentException("reach is not 1-3 octal digits: '" + text + "'");
    }
    int reach = Integer.parseInt(text, 8);
    if (reach > REACH_MAX) {
      throw new IllegalArgumentException("reach beyond 8 bits: '" + text + "'");
    }
    return reach;
  }
}
