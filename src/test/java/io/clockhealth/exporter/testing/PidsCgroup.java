package io.clockhealth.exporter.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A pids cgroup this test creates and removes: the limit a systemd {@code TasksMax=} or a
 * Kubernetes pids limit puts on the exporter (threads and processes together). cgroup v2 ({@code
 * pids} in the root's controllers) or the v1 {@code pids} hierarchy, whichever this machine has;
 * neither is a failure, not a skip, since the test command runs as root on Linux.
 */
public final class PidsCgroup implements AutoCloseable {

  private static final List<Path> HIERARCHIES =
      List.of(
          Path.of("/sys/fs/cgroup"),
          Path.of("/sys/fs/cgroup/unified"),
          Path.of("/sys/fs/cgroup/pids"));

  private final Path dir;

  private PidsCgroup(Path dir) {
    this.dir = dir;
  }

  /** A new cgroup named {@code name} (e.g. {@code che-tasks-…}) with {@code pids.max = max}. */
  public static PidsCgroup create(String name, int max) {
    for (Path root : HIERARCHIES) {
      if (!Files.isWritable(root.resolve("cgroup.procs"))) {
        continue;
      }
      Path dir = root.resolve(name);
      try {
        Files.createDirectory(dir);
      } catch (IOException e) {
        continue;
      }
      if (Files.exists(dir.resolve("pids.max"))) {
        PidsCgroup cgroup = new PidsCgroup(dir);
        cgroup.setMax(max);
        return cgroup;
      }
      delete(dir);
    }
    throw new IllegalStateException("no writable pids cgroup hierarchy under " + HIERARCHIES);
  }

  /** Moves process {@code pid} (all its threads) into this cgroup; its children are born here. */
  public void add(long pid) {
    write("cgroup.procs", String.valueOf(pid));
  }

  public void setMax(int max) {
    write("pids.max", String.valueOf(max));
  }

  /** Tasks (threads and processes, zombies included) in the cgroup now. */
  public int current() {
    try {
      return Integer.parseInt(Files.readString(dir.resolve("pids.current")).strip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void write(String file, String value) {
    try {
      Files.writeString(dir.resolve(file), value);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + value + " to " + dir.resolve(file), e);
    }
  }

  /** Moves what is left back to the parent and removes the cgroup. */
  @Override
  public void close() {
    try {
      for (String pid : Files.readAllLines(dir.resolve("cgroup.procs"))) {
        if (!pid.isBlank()) {
          Files.writeString(dir.getParent().resolve("cgroup.procs"), pid.strip());
        }
      }
    } catch (IOException e) {
      // the processes are gone
    }
    delete(dir);
  }

  private static void delete(Path dir) {
    try {
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove cgroup " + dir, e);
    }
  }
}
