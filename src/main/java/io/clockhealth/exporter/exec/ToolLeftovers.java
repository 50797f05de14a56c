package io.clockhealth.exporter.exec;

import io.clockhealth.exporter.os.LibC;
import io.clockhealth.exporter.os.NativeLibC;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Ends the processes a tool leaves behind: background children of a tool that exited, and
 * grandchildren that detached with {@code setsid} (no process group or session reaches those).
 *
 * <p>The exporter makes itself a child subreaper ({@code prctl(PR_SET_CHILD_SUBREAPER)}), so every
 * orphan of a tool's process tree becomes the exporter's own child instead of init's. The exporter
 * starts no processes but its tools, so after each run any child that is not a tool still running
 * was left behind: it and its descendants are killed, and reaped here (the JDK reaps only the
 * processes it started). Without the C library, or where the kernel refuses, nothing is adopted and
 * {@link #sweep} does nothing; {@link #disabledReason} says why.
 *
 * <p>Only a process whose every child is a tool may enable this: the exporter's own {@code main}.
 */
public final class ToolLeftovers {

  /** How long a sweep waits for a killed leftover to end before leaving it to the next sweep. */
  private static final long REAP_WAIT_NANOS = 100_000_000L;

  private static final Path TASKS = Path.of("/proc/self/task");

  private final @Nullable LibC libc;
  private final String disabledReason;

  /** The tools started and not yet reaped by the JDK, by pid: never killed nor reaped here. */
  private final Map<Long, Process> running = new ConcurrentHashMap<>();

  /** Starts hold the read side, sweeps the write side: a tool just forked is never a leftover. */
  private final ReadWriteLock startOrSweep = new ReentrantReadWriteLock();

  /** Leftovers killed and not yet reaped. */
  private final Set<Long> unreaped = ConcurrentHashMap.newKeySet();

  private final Set<String> loggedFor = ConcurrentHashMap.newKeySet();
  private final Consumer<String> report;

  private ToolLeftovers(@Nullable LibC libc, String disabledReason, Consumer<String> report) {
    this.libc = libc;
    this.disabledReason = disabledReason;
    this.report = report;
  }

  /**
   * Does nothing, with no reason to report: for runners in processes that have children other than
   * tools (tests).
   */
  public static ToolLeftovers ignored() {
    return new ToolLeftovers(null, "", message -> {});
  }

  /**
   * Makes this process the subreaper of its tools' orphans, or returns a disabled instance with the
   * reason when it cannot. {@code report} gets one line per command that left processes behind (a
   * timeout's own warning already covers a hung tool; this says what else was ended).
   */
  public static ToolLeftovers adoptOrphans(Consumer<String> report) {
    Optional<LibC> libc = NativeLibC.get();
    if (libc.isEmpty()) {
      return new ToolLeftovers(
          null, "the C library could not be loaded: " + NativeLibC.unavailableReason(), report);
    }
    if (libc.get().prctl(LibC.PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0) {
      return new ToolLeftovers(null, "prctl(PR_SET_CHILD_SUBREAPER) was refused", report);
    }
    return new ToolLeftovers(libc.get(), "", report);
  }

  public boolean enabled() {
    return libc != null;
  }

  /** Why leftovers are not ended; empty when they are. */
  public String disabledReason() {
    return disabledReason;
  }

  /** Starts a tool so that no concurrent sweep can take it for a leftover. */
  Process start(ProcessBuilder builder) throws IOException {
    if (libc == null) {
      return builder.start();
    }
    startOrSweep.readLock().lock();
    try {
      Process process = builder.start();
      running.put(process.pid(), process);
      return process;
    } finally {
      startOrSweep.readLock().unlock();
    }
  }

  /**
   * Kills and reaps every child of this process that is not a running tool; {@code command} names
   * the run that just ended, for the one log line per command.
   */
  void sweep(String command) {
    if (libc == null) {
      return;
    }
    List<Long> leftovers = new ArrayList<>();
    startOrSweep.writeLock().lock();
    try {
      // Reaped by the JDK once it has seen the exit: no longer ours to protect.
      running.values().removeIf(process -> !process.isAlive());
      for (long pid : children()) {
        if (!running.containsKey(pid)) {
          leftovers.add(pid);
        }
      }
    } finally {
      startOrSweep.writeLock().unlock();
    }
    List<Long> fresh = new ArrayList<>();
    for (long pid : leftovers) {
      if (unreaped.add(pid)) {
        fresh.add(pid);
      }
      ProcessHandle.of(pid)
          .ifPresent(
              handle -> {
                handle.descendants().forEach(ProcessHandle::destroyForcibly);
                handle.destroyForcibly();
              });
    }
    reap(libc);
    if (!fresh.isEmpty() && loggedFor.add(command)) {
      report.accept(
          "after running "
              + command
              + ": killed "
              + fresh.size()
              + " process(es) it left behind (pids "
              + fresh.stream().map(String::valueOf).collect(Collectors.joining(", "))
              + "); logged once per command");
    }
  }

  /** Reaps the killed leftovers that have ended, waiting a little for those still ending. */
  private void reap(LibC c) {
    long giveUp = System.nanoTime() + REAP_WAIT_NANOS;
    int[] status = new int[1];
    while (!unreaped.isEmpty()) {
      unreaped.removeIf(pid -> c.waitpid(Math.toIntExact(pid), status, LibC.WNOHANG) != 0);
      if (unreaped.isEmpty() || System.nanoTime() > giveUp) {
        return;
      }
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * This process's children, from each thread's {@code children} file (a few small reads; the JDK's
   * {@code ProcessHandle.children()} reads the stat file of every process on the host).
   */
  private static List<Long> children() {
    List<Long> pids = new ArrayList<>();
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
      for (Path task : tasks) {
        String list;
        try {
          list = Files.readString(task.resolve("children"));
        } catch (NoSuchFileException e) {
          continue; // the thread ended while listing
        }
        addPids(list, pids);
      }
      return pids;
    } catch (IOException | RuntimeException e) {
      // No children files (a kernel without CONFIG_PROC_CHILDREN): the full scan.
      return ProcessHandle.current().children().map(ProcessHandle::pid).toList();
    }
  }

  /** Adds the space-separated pids of a {@code children} file. */
  static void addPids(String list, List<Long> pids) {
    long pid = -1;
    for (int i = 0; i < list.length(); i++) {
      char c = list.charAt(i);
      if (c >= '0' && c <= '9') {
        pid = (pid < 0 ? 0 : pid * 10) + (c - '0');
      } else if (pid >= 0) {
        pids.add(pid);
        pid = -1;
      }
    }
    if (pid >= 0) {
      pids.add(pid);
    }
  }
}
