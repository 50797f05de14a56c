package io.clockhealth.exporter.collect.ntpd;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * NTP timestamps as ntpq prints them: 32-bit seconds since 1900 and a 32-bit fraction, in hex
 * ({@code e7a1c2f3.12345678}), optionally {@code 0x}-prefixed, followed by the same time as text.
 * The hex part is the exact value; the text differs between versions and is ignored.
 */
final class NtpTimestamp {

  private static final Pattern HEX = Pattern.compile("(?:0x)?([0-9a-fA-F]{8})\\.([0-9a-fA-F]{8})");

  /** Seconds from 1900-01-01 (the NTP epoch) to 1970-01-01 (the Unix epoch). */
  private static final long NTP_TO_UNIX_SECONDS = 2_208_988_800L;

  private static final long ERA_SECONDS = 1L << 32;
  private static final double FRACTION_SCALE = 1L << 32;

  /*
   * Era 0 ends on 2036-02-07. Like RFC 4330 section 3, a value with the top bit clear (before 1968 in
   * era 0) is taken to be in era 1, so times after 2036 still convert.
   */
  private static final long ERA_PIVOT = 1L << 31;

  private NtpTimestamp() {}

  /**
   * The Unix time of a printed timestamp, or {@code null} for the all-zero value ntpd uses for
   * "never" (which ntpq renders as a 2036 date).
   *
   * @throws IllegalArgumentException when the value does not start with the hex timestamp
   */
  static @Nullable Double unixSeconds(String printed) {
    String hex = printed.strip().split("\\s+", 2)[0];
    Matcher m = HEX.matcher(hex);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "not an NTP timestamp (8 hex digits '.' 8 hex digits): '" + printed + "'");
    }
    long seconds = Long.parseLong(m.group(1), 16);
    long fraction = Long.parseLong(m.group(2), 16);
    if (seconds == 0 && fraction == 0) {
      return null;
    }
    long era = seconds < ERA_PIVOT ? ERA_SECONDS : 0;
    return (seconds + era - NTP_TO_UNIX_SECONDS) + fraction / FRACTION_SCALE;
  }
}
