package io.clockhealth.exporter.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What every fixture of a daemon run through {@link DaemonProcess} ({@link Chronyd}, {@link Ntpd},
 * {@link Timesyncd}, {@link PrometheusServer}) has: a name, its own directory, and the one process
 * it started.
 */
public abstract class DaemonFixture implements AutoCloseable {

  private final String name;
  private final Path dir;
  final DaemonProcess process;

  DaemonFixture(String name, Path dir, DaemonProcess process) {
    this.name = name;
    this.dir = dir;
    this.process = process;
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

  /**
   * SIGTERM, wait, then SIGKILL: only to this PID, and only while {@code /proc/PID/comm} is the
   * daemon or a launcher that exec()s into it. Idempotent.
   */
  public void stop() {
    process.stop();
  }

  /** {@link #stop}, and whatever else the fixture started for the daemon. */
  @Override
  public void close() {
    stop();
  }

  /**
   * What the daemons' builders share: the owning test class and a name (which make the directory
   * {@code target/it-daemons/<testClass>/<name>}), the network namespace, more config lines.
   */
  public abstract static class DaemonBuilder<B extends DaemonBuilder<B>> {
    final String owner;
    final String name;
    NetNs netns;
    final List<String> config = new ArrayList<>();

    DaemonBuilder(Class<?> testClass, String name) {
      if (!name.matches("[A-Za-z0-9._-]+")) {
        throw new IllegalArgumentException("bad daemon name: " + name);
      }
      this.owner = testClass.getSimpleName();
      this.name = name;
    }

    abstract B self();

    /** The test network namespace the daemon runs in ({@code ip netns exec <ns> …}). */
    public B netns(NetNs ns) {
      this.netns = ns;
      return self();
    }

    /** More lines of the daemon's config file; one string may hold several, split at newlines. */
    public B config(String... lines) {
      for (String l : lines) {
        config.addAll(Arrays.asList(l.split("\n")));
      }
      return self();
    }

    /** {@code target/it-daemons/<testClass>/<name>}. */
    Path dir() {
      return TestDaemons.targetDir().resolve("it-daemons").resolve(owner).resolve(name);
    }
  }
}
