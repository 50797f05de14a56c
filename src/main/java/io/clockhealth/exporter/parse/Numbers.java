package io.clockhealth.exporter.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The number notations the tools share. Each method throws {@link IllegalArgumentException} with a
 * short reason, which the parsers turn into a ParseException naming the line; tool-specific
 * notations (chrony's units, ntpq's exponents, systemd's spellings) stay with their tool.
 */
public final class Numbers {

  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,9}");
  private static final Pattern COUNT = Pattern.compile("\\d{1,9}");
  private static final Pattern COUNTER = Pattern.compile("\\d{1,18}");
  private static final Pattern OCTAL_REACH = Pattern.compile("[0-7]{1,3}");
  private static final Pattern SUFFIXED = Pattern.compile("(\\d+)([a-z]?)");

  private static final long MINUTE = 60;
  private static final long HOUR = 3_600;
  private static final long DAY = 86_400;
  private static final long YEAR = 31_536_000;

  private Numbers() {}

  /** A signed integer that fits an int: a stratum, a log2 poll interval, a precision. */
  public static int integer(@Nullable String token) {
    if (token == null || !INTEGER.matcher(token).matches()) {
      throw new IllegalArgumentException("not an integer: '" + token + "'");
    }
    return Integer.parseInt(token);
  }

  /** A non-negative integer that fits an int: sample counts, key lengths. */
  public static int count(@Nullable String token) {
    if (token == null || !COUNT.matcher(token).matches()) {
      throw new IllegalArgumentException("not a non-negative integer: '" + token + "'");
    }
    return Integer.parseInt(token);
  }

  /** A non-negative counter that fits a long. */
  public static long counter(@Nullable String token) {
    if (token == null || !COUNTER.matcher(token).matches()) {
      throw new IllegalArgumentException("not a non-negative integer: '" + token + "'");
    }
    return Long.parseLong(token);
  }

  /** The reach register, printed in octal ({@code 377} = the last 8 polls answered = 255). */
  public static int octalReach(@Nullable String token) {
    if (token == null || !OCTAL_REACH.matcher(token).matches()) {
      throw new IllegalArgumentException("reach is not 1-3 octal digits: '" + token + "'");
    }
    int reach = Integer.parseInt(token, 8);
    if (reach > 0xFF) {
      throw new IllegalArgumentException("reach beyond 8 bits: '" + token + "'");
    }
    return reach;
  }

  /**
   * An interval in whole seconds or with a unit suffix ({@code 64}, {@code 17m}, {@code 2h}, {@code
   * 3d}, {@code 1y}), in seconds; only the suffixes in {@code suffixes} and at most {@code
   * maxDigits} digits are accepted, as each tool prints.
   */
  public static double suffixedSeconds(@Nullable String token, String suffixes, int maxDigits) {
    Matcher m = token == null ? null : SUFFIXED.matcher(token);
    if (m == null
        || !m.matches()
        || m.group(1).length() > maxDigits
        || (!m.group(2).isEmpty() && suffixes.indexOf(m.group(2).charAt(0)) < 0)) {
      throw new IllegalArgumentException("not an interval: '" + token + "'");
    }
    return (double) (Long.parseLong(m.group(1)) * unitSeconds(m.group(2)));
  }

  /** Seconds in one {@code m}, {@code h}, {@code d} or {@code y}; 1 for no suffix. */
  public static long unitSeconds(String suffix) {
    return switch (suffix) {
      case "" -> 1;
      case "m" -> MINUTE;
      case "h" -> HOUR;
      case "d" -> DAY;
      case "y" -> YEAR;
      default -> throw new IllegalArgumentException("unknown unit '" + suffix + "'");
    };
  }
}
