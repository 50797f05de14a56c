package io.clockhealth.exporter.os;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
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

  /** TASK_COMM_LEN (16) and the newline, with room to spare. */
  private static final int COMM_BYTES = 64;

  private ProcessNames() {}

  /** The distinct names; empty where {@code proc} is not a procfs (no {@code self}). */
  public static Optional<Set<String>> read(Path proc) throws IOException {
    if (!Files.isDirectory(proc.resolve("self")) && !Files.isDirectory(proc.resolve("1"))) {
      return Optional.empty();
    }
    Set<String> names = new TreeSet<>();
    ByteBuffer buffer = ByteBuffer.allocate(COMM_BYTES);
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(proc, ProcessNames::isPid)) {
      for (Path process : entries) {
        try (SeekableByteChannel comm = Files.newByteChannel(process.resolve("comm"))) {
          // One read of at most 16 bytes: cheaper than Files.readString, which stats first.
          buffer.clear();
          comm.read(buffer);
          String name = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
          if (!name.isBlank()) {
            names.add(name.strip());
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
