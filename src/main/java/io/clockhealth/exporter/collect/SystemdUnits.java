package io.clockhealth.exporter.collect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Whether systemd could start a unit here: systemd runs as PID 1 ({@code /run/systemd/system}
 * exists, sd_booted(3)'s test) and the unit file is installed and not masked (a link to {@code
 * /dev/null} or an empty file in the first directory of the unit search path that has it).
 */
final class SystemdUnits {

  /** The system unit search path, highest precedence first (systemd.unit(5)). */
  private static final List<String> UNIT_DIRECTORIES =
      List.of(
          "etc/systemd/system",
          "run/systemd/system",
          "usr/local/lib/systemd/system",
          "usr/lib/systemd/system",
          "lib/systemd/system");

  private final Path root;

  /**
   * @param root {@code /}, or a tree standing in for it in tests
   */
  SystemdUnits(Path root) {
    this.root = root;
  }

  /** Why {@code unit} cannot run here; empty when it can. */
  Optional<String> whyNot(String unit) {
    if (!Files.isDirectory(root.resolve("run/systemd/system"))) {
      return Optional.of("systemd is not PID 1 (no /run/systemd/system)");
    }
    for (String directory : UNIT_DIRECTORIES) {
      Path file = root.resolve(directory).resolve(unit);
      if (Files.isSymbolicLink(file) || Files.exists(file)) {
        return masked(file) ? Optional.of(unit + " is masked") : Optional.empty();
      }
    }
    return Optional.of(unit + " is not installed");
  }

  private static boolean masked(Path file) {
    try {
      if (Files.isSymbolicLink(file) && Path.of("/dev/null").equals(Files.readSymbolicLink(file))) {
        return true;
      }
      return Files.isRegularFile(file) && Files.size(file) == 0;
    } catch (IOException e) {
      return false; // unreadable: systemd decides; this is only auto-detection
    }
  }
}
