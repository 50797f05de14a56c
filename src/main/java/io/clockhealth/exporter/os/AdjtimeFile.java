package io.clockhealth.exporter.os;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code /etc/adjtime} (adjtime_config(5)): line 1 the drift, line 2 the last calibration, line 3
 * {@code UTC} or {@code LOCAL}, the time zone the RTC keeps. hwclock and systemd-timedated (its
 * {@code LocalRTC=}) read the same line.
 */
public final class AdjtimeFile {

  static final String NAME = "adjtime";

  private AdjtimeFile() {}

  /**
   * True when the RTC keeps local time; empty where the file is absent. A file without a third line
   * means UTC, as hwclock reads it.
   */
  public static Optional<Boolean> rtcInLocalTime(Path etc) throws IOException {
    Path file = etc.resolve(NAME);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
    String zone = lines.size() < 3 ? "UTC" : lines.get(2).strip();
    return switch (zone) {
      case "UTC", "" -> Optional.of(false);
      case "LOCAL" -> Optional.of(true);
      default -> throw new IOException(file + " line 3 is neither UTC nor LOCAL: " + zone);
    };
  }
}
