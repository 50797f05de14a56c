package io.clockhealth.exporter.web;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Human-readable seconds for the landing page: {@code +1.2 ms}, {@code -73.000 s}. */
final class Durations {

  private Durations() {}

  static String signed(@Nullable Double seconds) {
    if (seconds == null) {
      return "n/a";
    }
    String sign = seconds < 0 ? "-" : "+";
    return sign + magnitude(Math.abs(seconds));
  }

  static String unsigned(@Nullable Double seconds) {
    return seconds == null ? "n/a" : magnitude(Math.abs(seconds));
  }

  private static String magnitude(double abs) {
    if (abs >= 1) {
      return String.format(Locale.ROOT, "%.3f s", abs);
    }
    if (abs >= 1e-3) {
      return String.format(Locale.ROOT, "%.3f ms", abs * 1e3);
    }
    if (abs >= 1e-6 || abs == 0) {
      return String.format(Locale.ROOT, "%.3f µs", abs * 1e6);
    }
    return String.format(Locale.ROOT, "%.0f ns", abs * 1e9);
  }
}
