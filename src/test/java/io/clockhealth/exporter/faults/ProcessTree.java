package io.clockhealth.exporter.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** What /proc says about the exporter process: its children, their states, threads, fds, RSS. */
final class ProcessTree {

  private ProcessTree() {}

  /** Direct children of {@code pid}, from every thread's {@code children} list. */
  static List<Long> children(long pid) {
    List<Long> children = new ArrayList<>();
    try (DirectoryStream<Path> tasks =
        Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
      for (Path task : tasks) {
        String list;
        try {
          list = Files.readString(task.resolve("children")).trim();
        } catch (IOException e) {
          if (gone(e)) {
            continue; // the thread ended while listed
          }
          throw e;
        }
        if (!list.isEmpty()) {
          for (String child : list.split(" ")) {
            children.add(Long.parseLong(child));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return children;
  }

  /** The children of {@code pid} in state Z (ended, not reaped). */
  static List<Long> zombieChildren(long pid) {
    return children(pid).stream().filter(ProcessTree::isZombie).toList();
  }

  private static boolean isZombie(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      // The state follows the command name in parentheses, which may itself hold spaces.
      return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
    } catch (IOException e) {
      if (gone(e)) {
        return false; // reaped meanwhile
      }
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A /proc file of a thread or process that ended: missing once it is reaped, {@code ESRCH} ("No
   * such process") when it ended between the listing and the read.
   */
  private static boolean gone(IOException e) {
    return e instanceof NoSuchFileException || "No such process".equals(e.getMessage());
  }

  /** A number from {@code /proc/PID/status}, e.g. {@code Threads} or {@code VmRSS} (kB). */
  static long status(long pid, String field) {
    try {
      return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
          .filter(l -> l.startsWith(field + ":"))
          .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no " + field + " for " + pid));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static long threads(long pid) {
    return status(pid, "Threads");
  }

  static long openFiles(long pid) {
    try (Stream<Path> open = Files.list(Path.of("/proc/" + pid + "/fd"))) {
      return open.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
