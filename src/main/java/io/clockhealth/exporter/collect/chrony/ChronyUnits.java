package io.clockhealth.exporter.collect.chrony;

import io.clockhealth.exporter.parse.Numbers;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Converts the quantities chronyc prints into base units. Every method validates the whole token
 * first (so {@code NaN}, {@code 1e5} or {@code 0x10}, which {@link Double#parseDouble} would
 * accept, are rejected) and throws {@link IllegalArgumentException} with a short reason; the
 * parsers turn that into a {@code ParseException} naming the line.
 */
final class ChronyUnits {

  /** chronyc's "never" for an interval in the CSV layout: (uint32_t) -1. */
  private static final String CSV_NEVER = "4294967295";

  private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+(?:\\.\\d+)?");
  // Sample offsets switch unit with magnitude: ns, us, ms, s, then m/h/d/y for offsets beyond
  // ~27 hours ("ms" must be tried before "m").
  private static final Pattern SAMPLE =
      Pattern.compile("([+-]?\\d+(?:\\.\\d+)?)(ns|us|ms|s|m|h|d|y)");

  // LastRx / Span / authdata Last: plain seconds, or whole minutes/hours/days/years.

  private ChronyUnits() {}

  /** A plain decimal such as {@code -0.000001202} or {@code +331.898}; -0 becomes 0. */
  static double decimal(String token) {
    return toDouble(exact(token, "a decimal number"));
  }

  /** "X unit" as in {@code +0.000000023 seconds} or {@code 0.206 ppm}, with the printed sign. */
  static double decimalWithUnit(String value, String unit) {
    String suffix = " " + unit;
    if (value == null || !value.endsWith(suffix)) {
      throw new IllegalArgumentException("expected a number followed by '" + unit + "'");
    }
    return decimal(value.substring(0, value.length() - suffix.length()));
  }

  /** A signed 32-bit-range integer such as a stratum or a log2 poll interval. */
  static int integer(String token) {
    return Numbers.integer(token);
  }

  /** A non-negative integer that fits an int: stratum, sample counts, key lengths. */
  static int count(String token) {
    return Numbers.count(token);
  }

  /** A non-negative counter. */
  static long counter(String token) {
    return Numbers.counter(token);
  }

  /** The reach register printed in octal ({@code 377} ⇒ 255); it is 8 bits wide. */
  static int octalReach(String token) {
    return Numbers.octalReach(token);
  }

  /** A sample offset or error with its unit ({@code +6677ns}, {@code -73.0s}), in seconds. */
  static double sampleSeconds(String token) {
    Matcher m = token == null ? null : SAMPLE.matcher(token);
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException("not an offset with a unit: '" + token + "'");
    }
    BigDecimal value = new BigDecimal(m.group(1));
    BigDecimal seconds =
        switch (m.group(2)) {
          case "ns" -> value.scaleByPowerOfTen(-9);
          case "us" -> value.scaleByPowerOfTen(-6);
          case "ms" -> value.scaleByPowerOfTen(-3);
          case "s" -> value;
          default -> value.multiply(BigDecimal.valueOf(Numbers.unitSeconds(m.group(2))));
        };
    return toDouble(seconds);
  }

  /**
   * An interval as printed in LastRx, Span or Last: plain seconds or a {@code m}/{@code h}/{@code
   * d}/{@code y} suffix; {@code -} means never and yields null.
   */
  static @Nullable Double intervalSeconds(String token) {
    return "-".equals(token) ? null : spanSeconds(token);
  }

  /** An interval that is always printed, such as sourcestats' Span: as above, without "-". */
  static double spanSeconds(String token) {
    return Numbers.suffixedSeconds(token, "mhdy", 12);
  }

  /** An interval in the CSV layout: whole seconds, {@value #CSV_NEVER} meaning never (null). */
  static @Nullable Double csvIntervalSeconds(String token) {
    if (CSV_NEVER.equals(token)) {
      return null;
    }
    return (double) counter(token);
  }

  private static BigDecimal exact(String token, String what) {
    if (token == null || !DECIMAL.matcher(token).matches()) {
      throw new IllegalArgumentException("not " + what + ": '" + token + "'");
    }
    return new BigDecimal(token);
  }

  // chrony prints "-0.000" for tiny negatives; +0.0 keeps the zero free of a meaningless sign.
  private static double toDouble(BigDecimal value) {
    double d = value.doubleValue();
    return d == 0.0 ? 0.0 : d;
  }
}
