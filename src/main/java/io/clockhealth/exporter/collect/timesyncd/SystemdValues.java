package io.clockhealth.exporter.collect.timesyncd;

import io.clockhealth.exporter.parse.Numbers;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The value spellings timedatectl shares across its outputs. */
final class SystemdValues {

  private SystemdValues() {}

  /**
   * Whether a value is one of the ways systemd says "none": empty, {@code n/a} (strna()), or the
   * {@code (null)} glibc printed for a missing string in older versions.
   */
  static boolean isUnset(@Nullable String value) {
    return value == null || value.isBlank() || value.equals("n/a") || value.equals("(null)");
  }

  /** {@code value}, or {@code null} when it is unset. */
  static @Nullable String orNull(String value) {
    return isUnset(value) ? null : value.strip();
  }

  /**
   * A boolean as systemd prints it ({@code yes}/{@code no}); {@code null} when unset.
   *
   * @throws IllegalArgumentException for any other word
   */
  static @Nullable Boolean yesNo(String value) {
    if (isUnset(value)) {
      return null;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "yes", "true" -> Boolean.TRUE;
      case "no", "false" -> Boolean.FALSE;
      default -> throw new IllegalArgumentException("expected yes or no, found '" + value + "'");
    };
  }

  /** A non-negative decimal integer. */
  static long count(String value) {
    return Numbers.counter(value == null ? null : value.strip());
  }

  /** A signed decimal integer that fits an int (NTP fields such as Precision=-26). */
  static int integer(String value) {
    return Numbers.integer(value == null ? null : value.strip());
  }
}
