package io.clockhealth.exporter.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One long-running daemon process started by a fixture ({@link Ntpd}, {@link PrivateBus}, {@link
 * Timesyncd}), with the safety checks every daemon gets:
 *
 * <ul>
 *   <li>the command must drop CAP_SYS_TIME itself ({@code setpriv --bounding-set=-sys_time}); once
 *       the PID has exec()ed into the daemon ({@code /proc/PID/comm}), bit 25 of {@code CapBnd} in
 *       {@code /proc/PID/status} is checked and the daemon killed (AssertionError) if it is set;
 *   <li>when a network namespace is given, the daemon must be inside it ({@code /proc/PID/ns/net});
 *   <li>only this PID is ever signalled, and only while {@code /proc/PID/comm} is the daemon or one
 *       of the launchers that exec() into it ({@code ip}, {@code setpriv}, {@code env}, {@code
 *       sh});
 *   <li>a JVM shutdown hook stops daemons a test forgot.
 * </ul>
 *
 * <p>Launchers must exec() (never fork) so that the PID started here is the daemon's own.
 */
final class DaemonProcess {

  static final int CAP_SYS_TIME = 25;

  /** The launcher every daemon's command starts with (after {@code ip netns exec}, if any). */
  static final List<String> NO_CAP_SYS_TIME = List.of("setpriv", "--bounding-set=-sys_time", "--");

  private static final Duration EXEC_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
  private static final Set<String> LAUNCHERS = Set.of("ip", "setpriv", "env", "sh", "unshare");

  private static final StartedProcesses<DaemonProcess> RUNNING =
      new StartedProcesses<>("daemon-cleanup", DaemonProcess::stop);

  private final String description;
  private final String comm;
  private final Process process;
  private final Path log;

  private DaemonProcess(String description, String comm, Process process, Path log) {
    this.description = description;
    this.comm = comm;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code command} in {@code dir}, stdout+stderr appended to {@code log}, stdin from
   * /dev/null, with LD_PRELOAD/FAKETIME removed from the inherited environment and {@code env}
   * added. Returns once the PID runs {@code comm} and has passed the checks above.
   *
   * @param comm the daemon's {@code /proc/PID/comm} (at most 15 characters)
   * @param netns the namespace the daemon must be in, or null for the root namespace
   */
  static DaemonProcess start(
      String description,
      List<String> command,
      Path dir,
      Path log,
      Map<String, String> env,
      String comm,
      NetNs netns) {
    if (!dropsCapSysTime(command)) {
      throw new IllegalArgumentException(
          description + ": refusing to start a daemon that keeps CAP_SYS_TIME: " + command);
    }
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Map<String, String> e = pb.environment();
    e.keySet().removeIf(k -> k.equals("LD_PRELOAD") || k.startsWith("FAKETIME"));
    e.put("LC_ALL", "C");
    e.putAll(env);
    Process p;
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(log, "# " + String.join(" ", command) + "\n");
      pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      p = pb.start();
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot start " + description, ex);
    }
    DaemonProcess d = new DaemonProcess(description, comm, p, log);
    RUNNING.add(d);
    try {
      d.awaitExec();
      d.checkCapabilities();
      if (netns != null) {
        d.checkNetns(netns);
      }
    } catch (RuntimeException | Error ex) {
      d.stop();
      throw ex;
    }
    return d;
  }

  /**
   * Whether the command (or a launch script it runs, which must then exec setpriv) drops
   * CAP_SYS_TIME. A guard against fixture mistakes; the daemon's CapBnd is checked anyway.
   */
  private static boolean dropsCapSysTime(List<String> command) {
    String flag = NO_CAP_SYS_TIME.get(0);
    String drop = NO_CAP_SYS_TIME.get(1);
    if (command.contains(flag) && command.contains(drop)) {
      return true;
    }
    for (String arg : command) {
      Path p = Path.of(arg);
      if (arg.endsWith(".sh") && Files.isRegularFile(p)) {
        try {
          if (Files.readAllLines(p).stream()
              .anyMatch(l -> l.startsWith("exec setpriv ") && l.contains(" " + drop + " "))) {
            return true;
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return false;
  }

  private void awaitExec() {
    long deadline = System.nanoTime() + EXEC_TIMEOUT.toNanos();
    while (!comm.equals(comm(process.pid()))) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            description + " exited at start (" + process.exitValue() + ")\n" + logTail(40));
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "PID " + process.pid() + " did not become " + comm + "\n" + logTail(40));
      }
      Wait.sleepMillis(5);
    }
  }

  /** AssertionError (after killing the daemon) if CAP_SYS_TIME is in its bounding set. */
  void checkCapabilities() {
    long capBnd = capBnd(process.pid());
    if (hasCapSysTime(capBnd)) {
      process.destroyForcibly();
      throw new AssertionError(
          "FATAL: "
              + description
              + " (PID "
              + process.pid()
              + ") has CAP_SYS_TIME in its bounding set (CapBnd "
              + Long.toHexString(capBnd)
              + "); killed it");
    }
  }

  private void checkNetns(NetNs netns) {
    String want = "net:[" + netns.inode() + "]";
    String have = netnsOf(process.pid());
    if (!want.equals(have)) {
      process.destroyForcibly();
      throw new AssertionError(
          description + " runs in " + have + ", not in " + netns.name() + " " + want);
    }
  }

  /** SIGTERM (only while /proc/PID/comm is ours), wait, then SIGKILL. Idempotent. */
  void stop() {
    RUNNING.remove(this);
    if (!process.isAlive()) {
      return;
    }
    String c = comm(process.pid());
    if (c != null && !c.equals(comm) && !LAUNCHERS.contains(c)) {
      return; // never signal a stranger (cannot happen for a live child)
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  /** The exit code; IllegalThreadStateException while it runs. */
  int exitValue() {
    return process.exitValue();
  }

  Path log() {
    return log;
  }

  String logTail(int lines) {
    return TestFiles.logTail(log, lines);
  }

  @Override
  public String toString() {
    return description + " (pid " + process.pid() + (process.isAlive() ? "" : ", exited") + ")";
  }

  // ---- /proc helpers ------------------------------------------------------------------------

  /** {@code /proc/PID/comm}, or null when the process is gone. */
  static String comm(long pid) {
    try {
      return Files.readString(Path.of("/proc", Long.toString(pid), "comm")).trim();
    } catch (IOException e) {
      return null;
    }
  }

  /** The capability bounding set of a process ({@code CapBnd} in /proc/PID/status). */
  static long capBnd(long pid) {
    return Long.parseUnsignedLong(status(pid, "CapBnd"), 16);
  }

  static boolean hasCapSysTime(long capBnd) {
    return (capBnd & (1L << CAP_SYS_TIME)) != 0;
  }

  /** {@code net:[inode]} of a process, or null when it is gone. */
  static String netnsOf(long pid) {
    try {
      return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "ns", "net")).toString();
    } catch (IOException e) {
      return null;
    }
  }

  /** The real uid of a process ({@code Uid:} in /proc/PID/status). */
  static int uid(long pid) {
    return Integer.parseInt(status(pid, "Uid").split("\\s+")[0]);
  }

  /** The value of {@code field} in /proc/PID/status, trimmed. */
  private static String status(long pid, String field) {
    try {
      for (String l : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (l.startsWith(field + ":")) {
          return l.substring(field.length() + 1).trim();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read /proc/" + pid + "/status", e);
    }
    throw new IllegalStateException("no " + field + " in /proc/" + pid + "/status");
  }

  /** The environment of a process, NUL-separated entries; empty when unreadable. */
  static List<String> environ(long pid) {
    try {
      byte[] b = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"));
      return List.of(new String(b, StandardCharsets.UTF_8).split("\0"));
    } catch (IOException e) {
      return List.of();
    }
  }

  /** Kill a process we did not start ourselves (bus-activated): SIGTERM, wait, SIGKILL. */
  static void terminate(ProcessHandle h) {
    h.destroy();
    try {
      h.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      h.destroyForcibly();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      h.destroyForcibly();
    }
  }
}
