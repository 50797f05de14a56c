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
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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
 *       the daemon is killed and the start fails;
 *   <li>every config gets {@code cmdport 0} (no UDP command port), a private {@code bindcmdaddress
 *       <dir>/chronyd.sock} in a 0700 directory, and its own {@code pidfile};
 *   <li>only the PID started here is ever signalled, after checking {@code /proc/PID/comm}.
 * </ul>
 *
 * <p>Tests use loopback addresses and high UDP ports only; each test class owns a distinct range
 * (see the class comments of the ITs) so classes never collide. A port that is already bound is
 * reported before chronyd starts.
 */
public final class Chronyd implements AutoCloseable {

  private static final int CAP_SYS_TIME = 25;
  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration CHRONYC_TIMEOUT = Duration.ofSeconds(10);
  /* Unix socket paths are limited to 108 bytes (sun_path). */
  private static final int MAX_SOCKET_PATH = 100;

  private static final Set<Chronyd> RUNNING = Collections.synchronizedSet(new LinkedHashSet<>());

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  List<Chronyd> left;
                  synchronized (RUNNING) {
                    left = new ArrayList<>(RUNNING);
                  }
                  left.forEach(Chronyd::stop);
                },
                "chronyd-cleanup"));
  }

  /** One line of {@code chronyc -n -c sources}. */
  public record Source(
      char mode, char state, String address, int stratum, int poll, int reach, double offset) {}

  private final String name;
  private final Path dir;
  private final Path config;
  private final Path socket;
  private final Path log;
  private final Process process;
  private final TestDaemons daemons;

  private Chronyd(
      String name, Path dir, Path config, Path socket, Path log, Process p, TestDaemons daemons) {
    this.name = name;
    this.dir = dir;
    this.config = config;
    this.socket = socket;
    this.log = log;
    this.process = p;
    this.daemons = daemons;
  }

  /**
   * A chronyd whose files live in {@code target/it-daemons/<testClass>/<name>}.
   *
   * @param testClass owner, names the directory
   * @param name unique within the class
   */
  /**
   * A {@code server} line for address/port {@code n} of {@code range}, polled as fast as chronyd
   * allows (every 0.25–1 s), so a test sees its first selection within seconds.
   */
  public static String fastServer(LoopbackRanges range, int n) {
    return "server " + range.address(n) + " port " + range.port(n) + " iburst minpoll -2 maxpoll 0";
  }

  public static Builder builder(Class<?> testClass, String name) {
    return new Builder(testClass.getSimpleName(), name);
  }

  public static final class Builder {
    private final String owner;
    private final String name;
    private final List<String> lines = new ArrayList<>();
    private String fakeTime;
    private NetNs netns;
    private String udpCommandAddress;
    private int udpCommandPort;

    private Builder(String owner, String name) {
      if (!name.matches("[A-Za-z0-9._-]+")) {
        throw new IllegalArgumentException("bad daemon name: " + name);
      }
      this.owner = owner;
      this.name = name;
    }

    /**
     * A {@code local stratum 10} NTP server for loopback clients on {@code address:port} (from the
     * test's {@link LoopbackRanges} entry).
     */
    public Builder localServer(String address, int port) {
      return config(
          "local stratum 10", "allow 127.0.0.0/8", "bindaddress " + address, "port " + port);
    }

    /** chrony.conf lines; the safety lines (cmdport, bindcmdaddress, pidfile) are appended. */
    public Builder config(String... configLines) {
      for (String l : configLines) {
        lines.addAll(Arrays.asList(l.split("\n")));
      }
      return this;
    }

    /** Run chronyd under libfaketime with {@code FAKETIME=<spec>}, e.g. {@code "+73s"}. */
    public Builder fakeTime(String spec) {
      this.fakeTime = spec;
      return this;
    }

    /**
     * Run chronyd inside a test network namespace ({@code ip netns exec <ns> setpriv … chronyd});
     * chronyc still reaches it through its unix socket.
     */
    public Builder netns(NetNs ns) {
      this.netns = ns;
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
    Path dir = TestDaemons.targetDir().resolve("it-daemons").resolve(b.owner).resolve(b.name);
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
      List<String> conf = new ArrayList<>(b.lines);
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
      checkNtpPortFree(b.name, b.lines);
    }
    cmd.addAll(List.of("setpriv", "--bounding-set=-sys_time", "--"));
    if (b.fakeTime != null) {
      cmd.addAll(List.of("env", "LD_PRELOAD=" + daemons.libfaketime(), "FAKETIME=" + b.fakeTime));
    }
    cmd.addAll(
        List.of(daemons.chronyd().toString(), "-u", "root", "-x", "-d", "-f", config.toString()));
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.equals("LD_PRELOAD") || k.startsWith("FAKETIME"));
    env.put("LC_ALL", "C");
    Process p;
    try {
      Files.writeString(log, "# " + String.join(" ", cmd) + "\n");
      pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      p = pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start chronyd " + b.name, e);
    }
    Chronyd c = new Chronyd(b.name, dir, config, socket, log, p, daemons);
    RUNNING.add(c);
    try {
      c.awaitExecAndCheckCapabilities();
      c.awaitAnswering();
    } catch (RuntimeException | Error e) {
      c.stop();
      throw e;
    }
    return c;
  }

  /** setpriv and env exec(): wait until the PID is chronyd itself, then check its CapBnd. */
  private void awaitExecAndCheckCapabilities() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!"chronyd".equals(comm(process.pid()))) {
      if (!process.isAlive()) {
        throw new IllegalStateException("chronyd " + name + " exited at start\n" + logTail(40));
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "PID " + process.pid() + " did not become chronyd\n" + logTail(40));
      }
      Wait.sleepMillis(5);
    }
    long capBnd = capBnd(process.pid());
    if (hasCapSysTime(capBnd)) {
      process.destroyForcibly();
      throw new AssertionError(
          "FATAL: chronyd "
              + name
              + " (PID "
              + process.pid()
              + ") has CAP_SYS_TIME in its bounding set (CapBnd "
              + Long.toHexString(capBnd)
              + "); killed it");
    }
  }

  private void awaitAnswering() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    Exec.Result last = null;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "chronyd " + name + " exited (" + process.exitValue() + ")\n" + logTail(40));
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
        "chronyd " + name + " does not answer on " + socket + ": " + last + "\n" + logTail(40));
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
      throw new IllegalStateException("chronyc failed for " + name + ": " + r);
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
    sb.append("chronyd ").append(name).append(" pid=").append(process.pid());
    sb.append(process.isAlive() ? " (running)" : " (exited)").append('\n');
    if (process.isAlive()) {
      Exec.Result r = runChronyc(List.of("sources"));
      sb.append(r.output());
    }
    sb.append("--- log ").append(log).append('\n').append(logTail(30));
    return sb.toString();
  }

  /** SIGTERM (after checking /proc/PID/comm), wait, then SIGKILL. Idempotent. */
  public void stop() {
    RUNNING.remove(this);
    if (!process.isAlive()) {
      return;
    }
    String comm = comm(process.pid());
    if (comm != null
        && !comm.equals("chronyd")
        && !comm.equals("setpriv")
        && !comm.equals("ip")
        && !comm.equals("env")) {
      // Not ours any more (cannot happen for a live child, but never signal a stranger).
      return;
    }
    process.destroy(); // SIGTERM
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly(); // SIGKILL
        process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  @Override
  public void close() {
    stop();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  public String name() {
    return name;
  }

  public Path dir() {
    return dir;
  }

  public Path config() {
    return config;
  }

  public Path socketPath() {
    return socket;
  }

  public Path logFile() {
    return log;
  }

  public String logTail(int lines) {
    return TestFiles.logTail(log, lines);
  }

  @Override
  public String toString() {
    return "chronyd " + name + " (pid " + process.pid() + ", " + socket + ")";
  }

  // ---- /proc helpers --------------------------------------------------------------------

  /** {@code /proc/PID/comm}, or null when the process is gone. */
  public static String comm(long pid) {
    try {
      return Files.readString(Path.of("/proc", Long.toString(pid), "comm")).trim();
    } catch (IOException e) {
      return null;
    }
  }

  /** The capability bounding set of a process ({@code CapBnd} in /proc/PID/status). */
  public static long capBnd(long pid) {
    try {
      for (String l : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (l.startsWith("CapBnd:")) {
          return Long.parseUnsignedLong(l.substring("CapBnd:".length()).trim(), 16);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read /proc/" + pid + "/status", e);
    }
    throw new IllegalStateException("no CapBnd in /proc/" + pid + "/status");
  }

  public static boolean hasCapSysTime(long capBnd) {
    return (capBnd & (1L << CAP_SYS_TIME)) != 0;
  }

  private static Path createTempDir(String prefix) {
    try {
      return Files.createTempDirectory(Path.of("/tmp"), prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
