package io.clockhealth.exporter.os;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kernel's clocksource: {@code
 * /sys/devices/system/clocksource/clocksource0/current_clocksource} and {@code
 * available_clocksource} (space-separated, with a trailing space). Both world-readable.
 */
public final class Clocksources {

  /** The one clocksource device Linux has. */
  static final String DEVICE = "devices/system/clocksource/clocksource0";

  /**
   * The clocksource in use and the ones available.
   *
   * @param current the clocksource timekeeping uses ({@code tsc}, {@code kvm-clock}, {@code hpet})
   * @param available the ones it could switch to, as the kernel lists them
   */
  public record State(String current, List<String> available) {
    public State {
      available = List.copyOf(available);
    }
  }

  private Clocksources() {}

  /** Empty where {@code sys} has no clocksource device (not Linux, or no /sys mounted). */
  public static Optional<State> read(Path sys) throws IOException {
    Path device = sys.resolve(DEVICE);
    Path current = device.resolve("current_clocksource");
    if (!Files.exists(current)) {
      return Optional.empty();
    }
    String name = Files.readString(current, StandardCharsets.US_ASCII).strip();
    if (name.isEmpty()) {
      throw new IOException(current + " is empty");
    }
    Path availableFile = device.resolve("available_clocksource");
    List<String> available =
        Files.exists(availableFile)
            ? Arrays.stream(
                    Files.readString(availableFile, StandardCharsets.US_ASCII)
                        .strip()
                        .split("\\s+"))
                .filter(s -> !s.isEmpty())
                .toList()
            : List.of();
    return Optional.of(new State(name, available));
  }
}
