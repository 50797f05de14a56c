package io.clockhealth.exporter.probe;

/**
 * NTP's 64-bit timestamps (RFC 5905 section 6: 32-bit seconds since 1900, 32-bit fraction) to and
 * from Unix nanoseconds, exactly to the nanosecond (a fraction unit is 0.23 ns).
 */
final class NtpTime {

  /** Seconds from 1900-01-01 (the NTP epoch) to 1970-01-01 (the Unix epoch). */
  static final long NTP_TO_UNIX_SECONDS = 2_208_988_800L;

  private static final long NANOS = 1_000_000_000L;
  private static final long ERA_SECONDS = 1L << 32;

  /*
   * Era 0 ends on 2036-02-07. As RFC 4330 section 3, seconds with the top bit clear (before 1968 in era 0)
   * are taken to be in era 1, so times after 2036 convert too.
   */
  private static final long ERA_PIVOT = 1L << 31;

  private NtpTime() {}

  /** The 64-bit NTP timestamp of a Unix time in nanoseconds (after 1968). */
  static long fromUnixNanos(long unixNanos) {
    long seconds = Math.floorDiv(unixNanos, NANOS) + NTP_TO_UNIX_SECONDS;
    long nanos = Math.floorMod(unixNanos, NANOS);
    // nanos * 2^32 / 1e9, rounded: fits in a long (nanos < 2^30).
    long fraction = ((nanos << 32) + NANOS / 2) / NANOS;
    return ((seconds & 0xFFFF_FFFFL) << 32) | (fraction & 0xFFFF_FFFFL);
  }

  /** The Unix time in nanoseconds of a 64-bit NTP timestamp. */
  static long toUnixNanos(long ntp) {
    long seconds = ntp >>> 32;
    long fraction = ntp & 0xFFFF_FFFFL;
    long era = seconds < ERA_PIVOT ? ERA_SECONDS : 0;
    long nanos = (fraction * NANOS + (1L << 31)) >>> 32;
    return (seconds + era - NTP_TO_UNIX_SECONDS) * NANOS + nanos;
  }

  /** NTP's short format (16.16 seconds, unsigned), as in root delay and root dispersion. */
  static double shortToSeconds(long raw) {
    return (raw & 0xFFFF_FFFFL) / 65536.0;
  }
}
