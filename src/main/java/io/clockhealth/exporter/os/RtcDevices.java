package io.clockhealth.exporter.os;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The real-time clocks under {@code /sys/class/rtc/rtcN}: {@code since_epoch} (the RTC read now, in
 * whole seconds, in the RTC's own time zone) and {@code hctosys} (1 if the system clock was set
 * from it at boot). Both are world-readable; every read of {@code since_epoch} reads the chip. Many
 * VMs have no RTC at all.
 */
public final class RtcDevices {

  static final String CLASS = "class/rtc";

  /**
   * One RTC device.
   *
   * @param name the device, {@code rtc0}
   * @param sinceEpochSeconds {@code since_epoch}; {@code null} where the file is absent
   * @param hctosys {@code hctosys}; {@code null} where the file is absent
   */
  public record Rtc(String name, @Nullable Long sinceEpochSeconds, @Nullable Boolean hctosys) {}

  private RtcDevices() {}

  /** The RTCs, by name; empty where {@code sys} has no {@code class/rtc} directory. */
  public static Optional<List<Rtc>> read(Path sys) throws IOException {
    Path dir = sys.resolve(CLASS);
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    List<Rtc> rtcs = new ArrayList<>();
    try (DirectoryStream<Path> devices = Files.newDirectoryStream(dir, "rtc[0-9]*")) {
      for (Path device : devices) {
        rtcs.add(
            new Rtc(
                device.getFileName().toString(),
                number(device.resolve("since_epoch")),
                flag(device.resolve("hctosys"))));
      }
    }
    rtcs.sort(Comparator.comparing(Rtc::name));
    return Optional.of(rtcs);
  }

  private static @Nullable Long number(Path file) throws IOException {
    if (!Files.exists(file)) {
      return null;
    }
    // An RTC that cannot be read (battery gone, chip broken) fails here with EINVAL or EIO.
    String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IOException(file + ": not a number: " + text, e);
    }
  }

  private static @Nullable Boolean flag(Path file) throws IOException {
    Long value = number(file);
    return value == null ? null : value != 0;
  }
}
