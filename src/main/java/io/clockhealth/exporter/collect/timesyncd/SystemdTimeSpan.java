package io.clockhealth.exporter.collect.timesyncd;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads systemd time spans ({@code 8.926ms}, {@code +1min 13.000057s}, {@code 34min 8s}, {@code 0})
 * as timedatectl prints them, into seconds.
 *
 * <p>The unit names are those systemd's own parser accepts, so a span written by any systemd
 * version reads back. A leading sign applies to the whole span: {@code -1min 13s} is -73 s. {@code
 * infinity} is rejected: no clock value timedatectl reports is meant to be infinite.
 */
public final class SystemdTimeSpan {

  private static final BigDecimal MICRO = new BigDecimal("0.000001");
  private static final BigDecimal MINUTE = BigDecimal.valueOf(60);
  private static final BigDecimal HOUR = BigDecimal.valueOf(3_600);
  private static final BigDecimal DAY = BigDecimal.valueOf(86_400);

  /** systemd's time.h: a month is 30.44 days and a year 365.25 days. */
  private static final Map<String, BigDecimal> UNITS =
      Map.ofEntries(
          Map.entry("ns", new BigDecimal("0.000000001")),
          Map.entry("nsec", new BigDecimal("0.000000001")),
          Map.entry("us", MICRO),
          Map.entry("usec", MICRO),
          Map.entry("\u00B5s", MICRO), // MICRO SIGN, as format_timespan() prints it in UTF-8
          Map.entry("\u03BCs", MICRO), // GREEK SMALL LETTER MU
          Map.entry("ms", new BigDecimal("0.001")),
          Map.entry("msec", new BigDecimal("0.001")),
          Map.entry("s", BigDecimal.ONE),
          Map.entry("sec", BigDecimal.ONE),
          Map.entry("second", BigDecimal.ONE),
          Map.entry("seconds", BigDecimal.ONE),
          Map.entry("m", MINUTE),
          Map.entry("min", MINUTE),
          Map.entry("minute", MINUTE),
          Map.entry("minutes", MINUTE),
          Map.entry("h", HOUR),
          Map.entry("hr", HOUR),
          Map.entry("hour", HOUR),
          Map.entry("hours", HOUR),
          Map.entry("d", DAY),
          Map.entry("day", DAY),
          Map.entry("days", DAY),
          Map.entry("w", BigDecimal.valueOf(604_800)),
          Map.entry("week", BigDecimal.valueOf(604_800)),
          Map.entry("weeks", BigDecimal.valueOf(604_800)),
          Map.entry("M", BigDecimal.valueOf(2_629_800)),
          Map.entry("month", BigDecimal.valueOf(2_629_800)),
          Map.entry("months", BigDecimal.valueOf(2_629_800)),
          Map.entry("y", BigDecimal.valueOf(31_557_600)),
          Map.entry("year", BigDecimal.valueOf(31_557_600)),
          Map.entry("years", BigDecimal.valueOf(31_557_600)));

  private static final Pattern COMPONENT =
      Pattern.compile("\\G\\s*(\\d+(?:\\.\\d+)?)\\s*([A-Za-z\u00B5\u03BC]+)");
  private static final Pattern BARE_NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

  private SystemdTimeSpan() {}

  /**
   * The span in seconds.
   *
   * @throws IllegalArgumentException when {@code text} is not a finite systemd time span
   */
  public static double seconds(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("expected a time span, found nothing");
    }
    String body = text.strip();
    boolean negative = body.startsWith("-");
    if (negative || body.startsWith("+")) {
      body = body.substring(1);
    }
    if (body.equals("infinity")) {
      throw new IllegalArgumentException("infinite time span '" + text.strip() + "'");
    }
    BigDecimal total = sum(body, text);
    double magnitude = total.doubleValue();
    if (Double.isInfinite(magnitude)) {
      throw new IllegalArgumentException("time span out of range '" + text.strip() + "'");
    }
    // 0.0 - 0.0 is +0.0: a printed "-0" must not become a negative zero.
    return negative ? 0.0 - magnitude : magnitude;
  }

  private static BigDecimal sum(String body, String original) {
    // timedatectl prints a zero span as a bare "0"; systemd reads any bare number as seconds.
    if (BARE_NUMBER.matcher(body).matches()) {
      return new BigDecimal(body);
    }
    Matcher m = COMPONENT.matcher(body);
    BigDecimal total = BigDecimal.ZERO;
    int end = 0;
    while (m.find()) {
      BigDecimal unit = UNITS.get(m.group(2));
      if (unit == null) {
        throw new IllegalArgumentException(
            "unknown time unit '" + m.group(2) + "' in '" + original.strip() + "'");
      }
      total = total.add(new BigDecimal(m.group(1)).multiply(unit));
      end = m.end();
    }
    if (end == 0 || end != body.length()) {
      throw new IllegalArgumentException(
          "expected a time span like '1min 13.000057s', found '" + original.strip() + "'");
    }
    return total;
  }
}
