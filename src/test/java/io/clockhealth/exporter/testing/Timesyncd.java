package io.clockhealth.exporter.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One real {@code systemd-timesyncd} (the unpacked one, with its own libsystemd-shared) on its own
 * {@link PrivateBus}, inside a test network namespace that has no route anywhere but to its chrony
 * server(s): Debian's timesyncd falls back to {@code *.debian.pool.ntp.org} even with an empty
 * {@code FallbackNTP=}, so the namespace is what keeps it off the internet.
 *
 * <p>Never touches the host: it starts as {@code ip netns exec <ns> /bin/sh launch.sh}, whose
 * mounts happen in the private (slave) mount namespace of {@code ip netns exec} and vanish with the
 * daemon:
 *
 * <ul>
 *   <li>a tmpfs over {@code /etc/systemd} holding only the generated {@code timesyncd.conf} (so the
 *       host's file and drop-ins are neither read nor changed);
 *   <li>a tmpfs over {@code /var/lib/systemd} (the clock file that timesyncd would restore the
 *       clock from, and updates on every sync);
 *   <li>a tmpfs over {@code /run/systemd} with the timesyncd binary, its libsystemd-shared and the
 *       bus directory bind-mounted into it: timesyncd runs as uid 65534 and could not reach them in
 *       a cache under {@code /root} (mode 0700).
 * </ul>
 *
 * <p>Then {@code exec setpriv --reuid=65534 --regid=65534 --clear-groups --bounding-set=-sys_time
 * -- env -i … systemd-timesyncd}: as root it would insist on keeping CAP_SYS_TIME and die; as
 * another uid it skips its privilege drop. timesyncd really tries to adjust the clock ({@code
 * Failed to call clock_adjtime(): Operation not permitted}); only the missing capability stops it.
 * {@link DaemonProcess} checks CapBnd, the namespace and the uid.
 *
 * <p>Generated {@code timesyncd.conf}: {@code NTP=} and {@code FallbackNTP=} the given server,
 * {@code RootDistanceMaxSec=5}, {@code PollIntervalMinSec=16} and {@code PollIntervalMaxSec=16} (16
 * s is the minimum timesyncd accepts: the first reply comes ~0.05 s after start, the next one 16 s
 * later), {@code ConnectionRetrySec=5}.
 */
public final class Timesyncd implements AutoCloseable {

  public static final String TIMESYNC1 = "org.freedesktop.timesync1";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
  private static final int UID = 65534;

  private final String name;
  private final Path dir;
  private final NetNs netns;
  private final String server;
  private final PrivateBus bus;
  private final DaemonProcess process;

  private Timesyncd(
      String name, Path dir, NetNs netns, String server, PrivateBus bus, DaemonProcess process) {
    this.name = name;
    this.dir = dir;
    this.netns = netns;
    this.server = server;
    this.bus = bus;
    this.process = process;
  }

  /** A timesyncd whose files live in {@code target/it-daemons/<testClass>/<name>}. */
  public static Builder builder(Class<?> testClass, String name) {
    return new Builder(testClass.getSimpleName(), name);
  }

  public static final class Builder {
    private final String owner;
    private final String name;
    private NetNs netns;
    private String server;
    private final List<String> extra = new ArrayList<>();

    private Builder(String owner, String name) {
      if (!name.matches("[A-Za-z0-9._-]+")) {
        throw new IllegalArgumentException("bad daemon name: " + name);
      }
      this.owner = owner;
      this.name = name;
    }

    /** The namespace timesyncd runs in: it must have no default route. */
    public Builder netns(NetNs ns) {
      this.netns = ns;
      return this;
    }

    /** The only NTP server ({@code NTP=} and {@code FallbackNTP=}). */
    public Builder server(String address) {
      this.server = address;
      return this;
    }

    /** More {@code [Time]} lines. */
    public Builder config(String... lines) {
      for (String l : lines) {
        extra.addAll(Arrays.asList(l.split("\n")));
      }
      return this;
    }

    /** Starts its bus and timesyncd, and waits until timesyncd is on the bus. */
    public Timesyncd start() {
      return Timesyncd.start(this);
    }
  }

  private static Timesyncd start(Builder b) {
    if (b.netns == null || b.server == null) {
      throw new IllegalArgumentException("timesyncd " + b.name + ": netns and server required");
    }
    if (b.netns.hasDefaultRoute()) {
      throw new IllegalStateException(
          "refusing to start timesyncd in "
              + b.netns
              + ": it has a default route (its compiled-in pool fallback could reach out)\n"
              + b.netns.routes());
    }
    TestDaemons daemons = TestDaemons.get();
    Path dir = TestDaemons.targetDir().resolve("it-daemons").resolve(b.owner).resolve(b.name);
    Path conf = dir.resolve("timesyncd.conf");
    Path launch = dir.resolve("launch.sh");
    try {
      TestFiles.deleteRecursively(dir);
      Files.createDirectories(dir);
      List<String> lines = new ArrayList<>();
      lines.add("# generated by " + Timesyncd.class.getName() + " for " + b.owner);
      lines.add("[Time]");
      lines.add("NTP=" + b.server);
      lines.add("FallbackNTP=" + b.server);
      lines.add("RootDistanceMaxSec=5");
      lines.add("PollIntervalMinSec=16");
      lines.add("PollIntervalMaxSec=16");
      lines.add("ConnectionRetrySec=5");
      lines.addAll(b.extra);
      Files.write(conf, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PrivateBus bus = PrivateBus.start(dir.resolve("dbus"));
    try {
      String busInside = "/run/systemd/che-bus";
      ToolWrappers.write(
          launch,
          List.of(
              "#!/bin/sh",
              "# generated by "
                  + Timesyncd.class.getName()
                  + ": runs as root inside `ip netns exec "
                  + b.netns.name()
                  + "`,",
              "# i.e. in a private (slave) mount namespace: these mounts never reach the host.",
              "set -e",
              "mount -t tmpfs -o mode=755 tmpfs /run/systemd",
              "mkdir /run/systemd/che-bin /run/systemd/che-lib " + busInside,
              "mount --bind "
                  + ToolWrappers.quote(daemons.timesyncd().getParent().toString())
                  + " /run/systemd/che-bin",
              "mount --bind "
                  + ToolWrappers.quote(daemons.libsystemdShared().toString())
                  + " /run/systemd/che-lib",
              "mount --bind "
                  + ToolWrappers.quote(bus.socket().getParent().toString())
                  + " "
                  + busInside,
              "mount -t tmpfs -o mode=755 tmpfs /etc/systemd",
              "cp " + ToolWrappers.quote(conf.toString()) + " /etc/systemd/timesyncd.conf",
              "chmod 644 /etc/systemd/timesyncd.conf",
              "mount -t tmpfs -o mode=1777 tmpfs /var/lib/systemd",
              "exec setpriv --reuid="
                  + UID
                  + " --regid="
                  + UID
                  + " --clear-groups --bounding-set=-sys_time -- env -i LC_ALL=C"
                  + " SYSTEMD_LOG_TARGET=console SYSTEMD_LOG_LEVEL=debug SYSTEMD_LOG_TIME=1"
                  + " LD_LIBRARY_PATH=/run/systemd/che-lib"
                  + " DBUS_SYSTEM_BUS_ADDRESS=unix:path="
                  + busInside
                  + "/"
                  + bus.socket().getFileName()
                  + " /run/systemd/che-bin/"
                  + daemons.timesyncd().getFileName()));
      List<String> cmd = new ArrayList<>(b.netns.execPrefix());
      cmd.addAll(List.of("/bin/sh", launch.toString()));
      DaemonProcess p =
          DaemonProcess.start(
              "systemd-timesyncd " + b.name,
              cmd,
              dir,
              dir.resolve("timesyncd.log"),
              Map.of(),
              "systemd-timesyn",
              b.netns);
      Timesyncd t = new Timesyncd(b.name, dir, b.netns, b.server, bus, p);
      try {
        if (DaemonProcess.uid(p.pid()) != UID) {
          throw new AssertionError("timesyncd runs as uid " + DaemonProcess.uid(p.pid()));
        }
        t.awaitOnBus();
      } catch (RuntimeException | Error e) {
        t.close();
        throw e;
      }
      return t;
    } catch (RuntimeException | Error e) {
      bus.close();
      throw e;
    }
  }

  private void awaitOnBus() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    Exec.Result last = null;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("timesyncd " + name + " exited\n" + logTail(40));
      }
      last = bus.timedatectl("show-timesync", "-p", "ServerName");
      if (last.ok()) {
        return;
      }
      Wait.sleepMillis(20);
    }
    throw new IllegalStateException(
        "timesyncd " + name + " is not on its bus: " + last + "\n" + logTail(40));
  }

  /** The timedatectl wrapper's output for these arguments; an exception when it fails. */
  public String timedatectl(String... args) {
    Exec.Result r = bus.timedatectl(args);
    if (!r.ok()) {
      throw new IllegalStateException("timedatectl failed for " + name + ": " + r);
    }
    return r.output();
  }

  /** {@code timedatectl show-timesync --all} as property → value. */
  public Map<String, String> showTimesync() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : timedatectl("show-timesync", "--all").split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        out.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return out;
  }

  /**
   * The fields of {@code NTPMessage={ Leap=0, …, PacketCount=1, Jitter=0 }} (empty before the first
   * reply).
   */
  public Map<String, String> ntpMessage() {
    return parseNtpMessage(showTimesync().getOrDefault("NTPMessage", ""));
  }

  static Map<String, String> parseNtpMessage(String value) {
    Map<String, String> out = new LinkedHashMap<>();
    String v = value.trim();
    if (v.startsWith("{") && v.endsWith("}")) {
      for (String field : v.substring(1, v.length() - 1).split(",")) {
        int eq = field.indexOf('=');
        if (eq > 0) {
          out.put(field.substring(0, eq).trim(), field.substring(eq + 1).trim());
        }
      }
    }
    return out;
  }

  /** NTPMessage's PacketCount: how many replies timesyncd has taken (0 before the first). */
  public int packetCount() {
    return Integer.parseInt(ntpMessage().getOrDefault("PacketCount", "0"));
  }

  /**
   * Arguments for an exporter that watches this timesyncd only: {@code --collector.timesyncd
   * --collector.timesyncd.path=<timedatectl wrapper>}, the other collectors off, a 2 s command
   * timeout, debug logging.
   */
  public ExporterProcess.Builder exporter(Class<?> testClass, String exporterName) {
    return ExporterProcess.builder(testClass, exporterName)
        .args(
            "--collector.timesyncd",
            "--collector.timesyncd.path=" + timedatectlWrapper(),
            "--no-collector.chrony",
            "--no-collector.ntpd",
            "--collector.timeout=2s",
            "--log.level=debug");
  }

  /** For failure messages: PID, show-timesync (if it answers) and the end of the log. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append("timesyncd ").append(name).append(" in ").append(netns).append(' ').append(process);
    sb.append(" on ").append(bus).append('\n');
    sb.append(bus.timedatectl("show-timesync", "--all").output());
    sb.append("--- log ").append(process.log()).append('\n').append(logTail(30));
    return sb.toString();
  }

  /** Stops timesyncd only: its bus stays, so timedatectl then finds nobody on it. Idempotent. */
  public void stopDaemon() {
    process.stop();
  }

  /** Stops timesyncd, the bus-activated timedated and the bus. Idempotent. */
  @Override
  public void close() {
    try {
      process.stop();
    } finally {
      bus.close();
    }
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

  public String server() {
    return server;
  }

  public NetNs netns() {
    return netns;
  }

  public PrivateBus bus() {
    return bus;
  }

  public Path dir() {
    return dir;
  }

  /** The generated timedatectl wrapper (this bus): {@code --collector.timesyncd.path}. */
  public Path timedatectlWrapper() {
    return bus.timedatectlWrapper();
  }

  /** Its log, without the per-message D-Bus chatter. */
  public String logTail(int lines) {
    try {
      List<String> all =
          Files.readAllLines(process.log(), StandardCharsets.UTF_8).stream()
              .filter(l -> !l.contains(" message type="))
              .toList();
      return TestFiles.lastLines(all, lines);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public String toString() {
    return "timesyncd " + name + " (pid " + process.pid() + ", netns " + netns + ")";
  }
}
