package io.clockhealth.exporter.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations the way Prometheus configs write them: {@code 500ms}, {@code 2s}, {@code 1m}.
 */
public final class Durations {

  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m)");

  private Durations() {}

  /** Like {@link #parse} but also accepts zero ({@code 0}, {@code 0s}): "off". */
  public static Duration parseAllowingZero(String key, String text) throws ConfigException {
    String value = text == null ? "" : text.strip();
    if (value.matches("0+(\\.0+)?(ms|s|m)?")) {
      return Duration.ZERO;
    }
    return parse(key, value);
  }

  /**
   * Parses a duration as a flag or config value gives it.
   *
   * @param key the flag or config key, named in the error message
   */
  public static Duration parse(String key, String text) throws ConfigException {
    Matcher m = DURATION.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      throw new ConfigException(
          key + ": invalid duration \"" + text + "\" (use e.g. 500ms, 2s, 1m)");
    }
    double amount = Double.parseDouble(m.group(1));
    double millis =
        switch (m.group(2)) {
          case "ms" -> amount;
          case "s" -> amount * 1_000;
          default -> amount * 60_000;
        };
    if (millis < 1) {
      throw new ConfigException(key + ": duration must be at least 1ms, got \"" + text + "\"");
    }
    return Duration.ofMillis(Math.round(millis));
  }
}
