package io.clockhealth.exporter.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One real {@code chronyd}, run so that it can never touch this machine's clock.
 *
 * <p>Safety, always, not configurable:
 *
 * <ul>
 *   <li>started as {@code setpriv --bounding-set=-sys_time -- [env LD_PRELOAD=… FAKETIME=…] chronyd
 *       -u root -x -d -f <conf>}: {@code -x} never disciplines the clock, and no process of that
 *       tree can ever hold CAP_SYS_TIME;
 *   <li>right after start, {@code /proc/PID/status} CapBnd is read: if bit 25 (CAP_SYS_TIME) is set
 *       the daemon is killed and the start fails (see {@link DaemonProcess}, which also checks the
 *       network namespace when one is given);
 *   <li>every config gets {@code cmdport 0} (no UDP command port), a private {@code bindcmdaddress
 *       <dir>/chronyd.sock} in a 0700 directory, and its own {@code pidfile};
 *   <li>only the PID started here is ever signalled, after checking {@code /proc/PID/comm}.
 * </ul>
 *
 * <p>Tests use loopback addresses and high UDP ports only; each test class owns a distinct range
 * (see the class comments of the ITs) so classes never collide. A port that is already bound is
 * reported before chronyd starts.
 */
public final class Chronyd extends DaemonFixture {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration CHRONYC_TIMEOUT = Duration.ofSeconds(10);
  /* Unix socket paths are limited to 108 bytes (sun_path). */
  private static final int MAX_SOCKET_PATH = 100;

  /** One line of {@code chronyc -n -c sources}. */
  public record Source(
      char mode, char state, String address, int stratum, int poll, int reach, double offset) {}

  private final Path config;
  private final Path socket;
  private final TestDaemons daemons;

  private Chronyd(
      String name, Path dir, Path config, Path socket, DaemonProcess p, TestDaemons daemons) {
    super(name, dir, p);
    this.config = config;
    this.socket = socket;
    this.daemons = daemons;
  }

  /**
   * A {@code server} line for address/port {@code n} of {@code range}, polled as fast as chronyd
   * allows (every 0.25–1 s), so a test sees its first selection within seconds.
   */
  public static String fastServer(LoopbackRanges range, int n) {
    return "server " + range.address(n) + " port " + range.port(n) + " iburst minpoll -2 maxpoll 0";
  }

  /**
   * A chronyd whose files live in {@code target/it-daemons/<testClass>/<name>}.
   *
   * @param testClass owner, names the directory
   * @param name unique within the class
   */
  public static Builder builder(Class<?> testClass, String name) {
    return new Builder(testClass, name);
  }

  /**
   * {@link #config} takes chrony.conf lines; the safety lines (cmdport, bindcmdaddress, pidfile)
   * are appended. With {@link #netns} chronyd runs inside a test network namespace ({@code ip netns
   * exec <ns> setpriv … chronyd}); chronyc still reaches it through its unix socket.
   */
  public static final class Builder extends DaemonBuilder<Builder> {
    private String fakeTime;
    private String udpCommandAddress;
    private int udpCommandPort;

    private Builder(Class<?> testClass, String name) {
      super(testClass, name);
    }

    @Override
    Builder self() {
      return this;
    }

    /**
     * A {@code local stratum 10} NTP server for loopback clients on {@code address:port} (from the
     * test's {@link LoopbackRanges} entry).
     */
    public Builder localServer(String address, int port) {
      return config(
          "local stratum 10", "allow 127.0.0.0/8", "bindaddress " + address, "port " + port);
    }

    /** Run chronyd under libfaketime with {@code FAKETIME=<spec>}, e.g. {@code "+73s"}. */
    public Builder fakeTime(String spec) {
      this.fakeTime = spec;
      return this;
    }

    /**
     * Also answer chronyc over UDP on {@code address:port} (the unprivileged way), to any loopback
     * client; the unix socket stays. chronyd refuses the privileged commands there ({@code 501}).
     */
    public Builder udpCommandPort(String address, int port) {
      this.udpCommandAddress = address;
      this.udpCommandPort = port;
      return this;
    }

    /** Starts chronyd and waits until it answers {@code chronyc tracking}. */
    public Chronyd start() {
      return Chronyd.start(this);
    }
  }

  private static Chronyd start(Builder b) {
    TestDaemons daemons = TestDaemons.get();
    Path dir = b.dir();
    if (dir.resolve("chronyd.sock").toString().length() > MAX_SOCKET_PATH) {
      // A deep checkout: keep the socket short, under /tmp.
      dir = createTempDir("clock-it-" + b.owner + "-" + b.name + "-");
    }
    Path socket = dir.resolve("chronyd.sock");
    Path config = dir.resolve("chrony.conf");
    Path log = dir.resolve("chronyd.log");
    try {
      TestFiles.deleteRecursively(dir);
      Files.createDirectories(dir);
      // chronyd refuses a command socket in a directory others can enter.
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      List<String> conf = new ArrayList<>(b.config);
      if (b.udpCommandAddress == null) {
        conf.add("cmdport 0");
      } else {
        conf.add("cmdport " + b.udpCommandPort);
        conf.add("bindcmdaddress " + b.udpCommandAddress);
        conf.add("cmdallow 127.0.0.0/8");
      }
      conf.add("bindcmdaddress " + socket);
      conf.add("pidfile " + dir.resolve("chronyd.pid"));
      Files.write(config, conf, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> cmd = new ArrayList<>();
    if (b.netns != null) {
      cmd.addAll(b.netns.execPrefix()); // ip netns exec: exec()s, so the PID stays chronyd's
    } else {
      checkNtpPortFree(b.name, b.config);
    }
    cmd.addAll(DaemonProcess.NO_CAP_SYS_TIME);
    if (b.fakeTime != null) {
      cmd.addAll(List.of("env", "LD_PRELOAD=" + daemons.libfaketime(), "FAKETIME=" + b.fakeTime));
    }
    cmd.addAll(
        List.of(daemons.chronyd().toString(), "-u", "root", "-x", "-d", "-f", config.toString()));
    DaemonProcess p =
        DaemonProcess.start("chronyd " + b.name, cmd, dir, log, Map.of(), "chronyd", b.netns);
    Chronyd c = new Chronyd(b.name, dir, config, socket, p, daemons);
    try {
      c.awaitAnswering();
    } catch (RuntimeException | Error e) {
      c.stop();
      throw e;
    }
    return c;
  }

  private void awaitAnswering() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    Exec.Result last = null;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "chronyd " + name() + " exited (" + process.exitValue() + ")\n" + logTail(40));
      }
      if (Files.exists(socket)) {
        last = runChronyc(List.of("tracking"));
        if (last.ok()) {
          return;
        }
      }
      Wait.sleepMillis(20);
    }
    throw new IllegalStateException(
        "chronyd " + name() + " does not answer on " + socket + ": " + last + "\n" + logTail(40));
  }

  /** Fails early and clearly when "bindaddress A" + "port P" is already taken. */
  private static void checkNtpPortFree(String name, List<String> lines) {
    String address = null;
    int port = -1;
    for (String l : lines) {
      String[] f = l.trim().split("\\s+");
      if (f.length == 2 && f[0].equals("bindaddress")) {
        address = f[1];
      } else if (f.length == 2 && f[0].equals("port")) {
        port = Integer.parseInt(f[1]);
      }
    }
    if (address == null || port <= 0) {
      return;
    }
    try (DatagramSocket s = new DatagramSocket(null)) {
      s.bind(new InetSocketAddress(InetAddress.getByName(address), port));
    } catch (SocketException e) {
      throw new IllegalStateException(
          "chronyd " + name + ": UDP " + address + ":" + port + " is already in use", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code chronyc -h <socket> -n <args>} (LC_ALL=C); the output, or an exception if it fails. */
  public String chronyc(String... args) {
    Exec.Result r = runChronyc(List.of(args));
    if (!r.ok()) {
      throw new IllegalStateException("chronyc failed for " + name() + ": " + r);
    }
    return r.output();
  }

  private Exec.Result runChronyc(List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(daemons.chronyc().toString());
    cmd.add("-h");
    cmd.add(socket.toString());
    cmd.add("-n");
    cmd.addAll(args);
    return Exec.run(CHRONYC_TIMEOUT, Map.of(), cmd);
  }

  /** {@code chronyc -n -c sources}, parsed. */
  public List<Source> sources() {
    List<Source> out = new ArrayList<>();
    for (String line : chronyc("-c", "sources").split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(",");
      out.add(
          new Source(
              f[0].charAt(0),
              f[1].charAt(0),
              f[2],
              Integer.parseInt(f[3]),
              Integer.parseInt(f[4]),
              Integer.parseInt(f[5], 8),
              Double.parseDouble(f[7])));
    }
    return out;
  }

  /** The state symbols of the sources in chronyc's order, e.g. {@code "*+x"}. */
  public String states() {
    return sources().stream().map(s -> String.valueOf(s.state())).collect(Collectors.joining());
  }

  public Optional<Source> source(String address) {
    return sources().stream().filter(s -> s.address().equals(address)).findFirst();
  }

  /** For failure messages: name, PID, sources (if it answers) and the end of the log. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append("chronyd ").append(name()).append(" pid=").append(pid());
    sb.append(isAlive() ? " (running)" : " (exited)").append('\n');
    if (isAlive()) {
      Exec.Result r = runChronyc(List.of("sources"));
      sb.append(r.output());
    }
    sb.append("--- log ").append(logFile()).append('\n').append(logTail(30));
    return sb.toString();
  }

  public Path config() {
    return config;
  }

  public Path socketPath() {
    return socket;
  }

  public Path logFile() {
    return process.log();
  }

  public String logTail(int lines) {
    return process.logTail(lines);
  }

  @Override
  public String toString() {
    return "chronyd " + name() + " (pid " + pid() + ", " + socket + ")";
  }

  // ---- /proc helpers --------------------------------------------------------------------

  /** {@code /proc/PID/comm}, or null when the process is gone. */
  public static String comm(long pid) {
    return DaemonProcess.comm(pid);
  }

  /** The capability bounding set of a process ({@code CapBnd} in /proc/PID/status). */
  public static long capBnd(long pid) {
    return DaemonProcess.capBnd(pid);
  }

  public static boolean hasCapSysTime(long capBnd) {
    return DaemonProcess.hasCapSysTime(capBnd);
  }

  private static Path createTempDir(String prefix) {
    try {
      return Files.createTempDirectory(Path.of("/tmp"), prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
