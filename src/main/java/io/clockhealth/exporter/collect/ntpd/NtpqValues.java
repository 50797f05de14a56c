package io.clockhealth.exporter.collect.ntpd;

import io.clockhealth.exporter.parse.Numbers;
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

  private NtpqValues() {}

  static double decimal(String text) {
    if (text == null || !DECIMAL.matcher(text).matches()) {
      throw new IllegalArgumentException("not a number: '" + text + "'");
    }
    return Double.parseDouble(text);
  }

  static int integer(String text) {
    return Numbers.integer(text);
  }

  /** An interval such as {@code 64}, {@code 17m}, {@code 2h}, {@code 3d}, in seconds. */
  static double intervalSeconds(String text) {
    return Numbers.suffixedSeconds(text, "mhd", 9);
  }

  /** The reach register, printed in octal ({@code 377} = the last 8 polls answered = 255). */
  static int octalReach(String text) {
    return Numbers.octalReach(text);
  }
}
