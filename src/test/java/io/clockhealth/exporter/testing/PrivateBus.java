package io.clockhealth.exporter.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A private D-Bus "system" bus for one test: {@code setpriv --bounding-set=-sys_time -- dbus-daemon
 * --config-file=<bus.conf> --nofork} listening on a unix socket in the test's directory.
 * systemd-timesyncd registers on it ({@link Timesyncd}), and {@code timedatectl} talks to it
 * through {@link #timedatectlWrapper()}.
 *
 * <p>{@code systemd-timedated} (what {@code timedatectl show} asks) is bus-activated from a private
 * service directory. Two things about it:
 *
 * <ul>
 *   <li>it is started through {@code timedated.sh}, which hides the host's {@code ntp-units.d}
 *       lists in a private mount namespace: with systemd-timesyncd installed on the host, timedated
 *       would otherwise ask systemd (PID 1, absent here) about {@code systemd-timesyncd.service}
 *       and fail every {@code timedatectl show} ({@code Failed to parse bus message: No route to
 *       host}); without the lists it answers {@code CanNTP=no}, as on a host without NTP units;
 *   <li>dbus-daemon starts it through a babysitter, so it is re-parented to PID 1 and outlives the
 *       bus: {@link #close} asks the bus for its PID ({@code GetConnectionUnixProcessID}) and kills
 *       it (after checking its comm and that its environment names this bus), then stops the bus,
 *       then looks once more for a timedated of this bus that got away.
 * </ul>
 *
 * <p>Everything spawned by the bus inherits dbus-daemon's bounding set, so timedated has no
 * CAP_SYS_TIME either ({@link #timedatedPid} lets tests check).
 */
public final class PrivateBus implements AutoCloseable {

  public static final String TIMEDATE1 = "org.freedesktop.timedate1";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(10);
  private static final int MAX_SOCKET_PATH = 100;
  private static final String TIMEDATED_COMM = "systemd-timedat";

  private final Path dir;
  private final Path socket;
  private final Path timedatectl;
  private final DaemonProcess process;

  private PrivateBus(Path dir, Path socket, Path timedatectl, DaemonProcess process) {
    this.dir = dir;
    this.socket = socket;
    this.timedatectl = timedatectl;
    this.process = process;
  }

  /** A bus whose files live in {@code dir} (created; the socket in {@code dir/bus}). */
  public static PrivateBus start(Path dir) {
    Path busDir = dir.resolve("bus");
    try {
      Files.createDirectories(dir);
      if (busDir.resolve("system_bus_socket").toString().length() > MAX_SOCKET_PATH) {
        // sun_path is 108 bytes: a deep checkout gets its socket under /tmp.
        busDir = Files.createTempDirectory(Path.of("/tmp"), "che-bus-");
      }
      Files.createDirectories(busDir);
      Files.setPosixFilePermissions(busDir, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.deleteIfExists(busDir.resolve("system_bus_socket"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path socket = busDir.resolve("system_bus_socket");
    String address = "unix:path=" + socket;
    Path services = dir.resolve("services");
    Path config = dir.resolve("bus.conf");
    Path timedated = dir.resolve("timedated.sh");
    try {
      Files.createDirectories(services);
      ToolWrappers.write(
          timedated,
          List.of(
              "#!/bin/sh",
              "# bus-activated systemd-timedated that does not ask the absent systemd about NTP"
                  + " units",
              "exec unshare -m --propagation private /bin/sh -c 'for d in"
                  + " /usr/lib/systemd/ntp-units.d /lib/systemd/ntp-units.d"
                  + " /usr/local/lib/systemd/ntp-units.d /etc/systemd/ntp-units.d"
                  + " /run/systemd/ntp-units.d; do if [ -d \"$d\" ]; then mount -t tmpfs -o"
                  + " mode=755,ro tmpfs \"$d\" || exit 1; fi; done; exec"
                  + " /lib/systemd/systemd-timedated'"));
      Files.write(
          services.resolve(TIMEDATE1 + ".service"),
          List.of("[D-BUS Service]", "Name=" + TIMEDATE1, "Exec=" + timedated),
          StandardCharsets.UTF_8);
      Files.writeString(config, busConfig(socket, services), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> cmd =
        List.of(
            "setpriv",
            "--bounding-set=-sys_time",
            "--",
            "dbus-daemon",
            "--config-file=" + config,
            "--nofork",
            "--nopidfile");
    // Activated services inherit this environment: timedated must find this bus, never the host's.
    DaemonProcess p =
        DaemonProcess.start(
            "dbus-daemon " + dir.getFileName(),
            cmd,
            dir,
            dir.resolve("dbus-daemon.log"),
            Map.of("DBUS_SYSTEM_BUS_ADDRESS", address),
            "dbus-daemon",
            null);
    PrivateBus bus =
        new PrivateBus(
            dir, socket, ToolWrappers.timedatectl(dir.resolve("timedatectl"), address), p);
    try {
      bus.awaitSocket();
    } catch (RuntimeException | Error e) {
      bus.close();
      throw e;
    }
    return bus;
  }

  private static String busConfig(Path socket, Path services) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n");
    sb.append(" \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n");
    sb.append("<busconfig>\n");
    sb.append("  <type>system</type>\n");
    sb.append("  <listen>unix:path=").append(socket).append("</listen>\n");
    sb.append("  <auth>EXTERNAL</auth>\n");
    sb.append("  <servicedir>").append(services).append("</servicedir>\n");
    sb.append("  <policy context=\"default\">\n");
    sb.append("    <allow user=\"*\"/>\n");
    sb.append("    <allow own=\"*\"/>\n");
    for (String dir : List.of("send", "receive")) {
      for (String type : List.of("method_call", "signal", "method_return", "error")) {
        sb.append("    <allow ").append(dir).append("_type=\"").append(type).append("\"/>\n");
      }
    }
    sb.append("  </policy>\n");
    sb.append("</busconfig>\n");
    return sb.toString();
  }

  private void awaitSocket() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!Files.exists(socket)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("dbus-daemon exited\n" + process.logTail(30));
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no bus socket " + socket + "\n" + process.logTail(30));
      }
      Wait.sleepMillis(10);
    }
  }

  /** {@code unix:path=<socket>}: the DBUS_SYSTEM_BUS_ADDRESS of this bus. */
  public String address() {
    return "unix:path=" + socket;
  }

  public Path socket() {
    return socket;
  }

  public Path dir() {
    return dir;
  }

  /** The generated timedatectl wrapper for this bus: {@code --collector.timesyncd.path}. */
  public Path timedatectlWrapper() {
    return timedatectl;
  }

  /** Runs the timedatectl wrapper with these arguments (not checked). */
  public Exec.Result timedatectl(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(timedatectl.toString());
    cmd.addAll(Arrays.asList(args));
    return Exec.run(TOOL_TIMEOUT, Map.of(), cmd);
  }

  /** The PID of the connection owning {@code busName}, as the bus reports it. */
  public OptionalLong pidOf(String busName) {
    if (!process.isAlive()) {
      return OptionalLong.empty();
    }
    Exec.Result r =
        Exec.run(
            TOOL_TIMEOUT,
            Map.of("DBUS_SYSTEM_BUS_ADDRESS", address()),
            List.of(
                "busctl",
                "--system",
                "call",
                "org.freedesktop.DBus",
                "/org/freedesktop/DBus",
                "org.freedesktop.DBus",
                "GetConnectionUnixProcessID",
                "s",
                busName));
    String[] f = r.output().trim().split("\\s+");
    if (r.ok() && f.length == 2 && f[0].equals("u")) {
      return OptionalLong.of(Long.parseLong(f[1]));
    }
    return OptionalLong.empty();
  }

  /**
   * The PID of this bus's systemd-timedated, when one runs (checked: comm and environment). An
   * AssertionError, after killing it, if it holds CAP_SYS_TIME in its bounding set.
   */
  public OptionalLong timedatedPid() {
    OptionalLong pid = pidOf(TIMEDATE1);
    if (pid.isEmpty() || !isOurTimedated(pid.getAsLong())) {
      return OptionalLong.empty();
    }
    long p = pid.getAsLong();
    long capBnd = DaemonProcess.capBnd(p);
    if (DaemonProcess.hasCapSysTime(capBnd)) {
      ProcessHandle.of(p).ifPresent(ProcessHandle::destroyForcibly);
      throw new AssertionError(
          "FATAL: systemd-timedated (PID "
              + p
              + ") has CAP_SYS_TIME in its bounding set (CapBnd "
              + Long.toHexString(capBnd)
              + "); killed it");
    }
    return pid;
  }

  private boolean isOurTimedated(long pid) {
    return TIMEDATED_COMM.equals(DaemonProcess.comm(pid))
        && DaemonProcess.environ(pid).stream().anyMatch(this::namesThisBus);
  }

  /** dbus-daemon gives activated services its address with a {@code ,guid=…} suffix. */
  private boolean namesThisBus(String environEntry) {
    for (String var : List.of("DBUS_SYSTEM_BUS_ADDRESS=", "DBUS_STARTER_ADDRESS=")) {
      String want = var + address();
      if (environEntry.equals(want) || environEntry.startsWith(want + ",")) {
        return true;
      }
    }
    return false;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public String logTail(int lines) {
    return process.logTail(lines);
  }

  /** Kills this bus's timedated (by the PID the bus reports), then stops dbus-daemon. */
  @Override
  public void close() {
    OptionalLong timedated = pidOf(TIMEDATE1);
    if (timedated.isPresent() && isOurTimedated(timedated.getAsLong())) {
      ProcessHandle.of(timedated.getAsLong()).ifPresent(DaemonProcess::terminate);
    }
    process.stop();
    // A timedated activated between the question and the stop: found by its environment.
    ProcessHandle.allProcesses()
        .filter(h -> isOurTimedated(h.pid()))
        .forEach(DaemonProcess::terminate);
  }

  @Override
  public String toString() {
    return "private bus " + address() + " (dbus-daemon pid " + process.pid() + ")";
  }
}
