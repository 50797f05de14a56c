package io.clockhealth.exporter.os;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names of the processes running: {@code /proc/PID/comm} of every process this process may see
 * (the executable's name cut to 15 bytes: {@code systemd-timesyn}). Under {@code hidepid}
 * (systemd's {@code ProtectProc=invisible}) only the exporter's own processes are listed; in a
 * container, the container's.
 */
public final class ProcessNames {

  private ProcessNames() {}

  /** The distinct names; empty where {@code proc} is not a procfs (no {@code self}). */
  public static Optional<Set<String>> read(Path proc) throws IOException {
    if (!Files.isDirectory(proc.resolve("self")) && !Files.isDirectory(proc.resolve("1"))) {
      return Optional.empty();
    }
    Set<String> names = new TreeSet<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(proc, ProcessNames::isPid)) {
      for (Path process : entries) {
        try {
          String comm = Files.readString(process.resolve("comm"), StandardCharsets.UTF_8).strip();
          if (!comm.isEmpty()) {
            names.add(comm);
          }
        } catch (IOException e) {
          // It ended while the directory was read (ENOENT, ESRCH), or hidepid=1 lists it but
          // keeps it closed (EACCES): either way it is not a process this exporter can see.
        }
      }
    }
    return Optional.of(names);
  }

  private static boolean isPid(Path entry) {
    String name = entry.getFileName().toString();
    return !name.isEmpty() && name.chars().allMatch(c -> c >= '0' && c <= '9');
  }
}
