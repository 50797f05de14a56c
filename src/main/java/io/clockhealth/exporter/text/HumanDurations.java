package io.clockhealth.exporter.text;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Human-readable seconds for people (landing page, doctor): {@code +1.2 ms}, {@code -73.000 s}. */
public final class HumanDurations {

  private HumanDurations() {}

  public static String signed(@Nullable Double seconds) {
    if (seconds == null) {
      return "n/a";
    }
    String sign = seconds < 0 ? "-" : "+";
    return sign + magnitude(Math.abs(seconds));
  }

  public static String unsigned(@Nullable Double seconds) {
    return seconds == null ? "n/a" : magnitude(Math.abs(seconds));
  }

  /** A span for people: {@code 14 min 36 s}, {@code 3 h 2 min}, {@code 850 ms}. */
  public static String span(double seconds) {
    double abs = Math.abs(seconds);
    if (abs < 60) {
      return magnitude(abs);
    }
    long s = Math.round(abs);
    if (s < 3600) {
      return (s / 60) + " min " + (s % 60) + " s";
    }
    if (s < 86400) {
      return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
    return (s / 86400) + " d " + (s % 86400 / 3600) + " h";
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
