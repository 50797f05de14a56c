package io.clockhealth.exporter.probe;

import java.time.Duration;

/**
 * How one probe asks: the NTP version, how many requests (the reply with the least delay is kept,
 * as chrony's burst does), how far apart they go out (so a server's rate limit is not hit), and the
 * time a whole probe may take.
 */
public record ProbeModule(int version, int samples, Duration spacing, Duration timeout) {

  /** Version 4, one request, 5 s (the default module). */
  public static final ProbeModule DEFAULT =
      new ProbeModule(4, 1, Duration.ofSeconds(2), Duration.ofSeconds(5));

  public ProbeModule {
    if (version < 1 || version > 4) {
      throw new IllegalArgumentException("NTP version " + version + ": 1 to 4");
    }
    if (samples < 1) {
      throw new IllegalArgumentException(samples + " samples: at least 1");
    }
  }
}
