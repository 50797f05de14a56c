package io.clockhealth.exporter.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A host's /proc, /sys and /etc as the host collector reads them, for an exporter started with
 * {@link #args()} ({@code --path.procfs}, {@code --path.sysfs}, {@code --path.rootfs}): one process
 * (its {@code comm}), a clocksource, an RTC that ticks with the real clock at a fixed distance (its
 * {@code since_epoch} rewritten every 200 ms, each time in one rename), a time zone and {@code
 * /etc/adjtime}'s UTC/LOCAL. What this machine cannot show (an RTC, a clocksource fall-back,
 * another zone) and what other tests' daemons must not change (the processes running) made fixed.
 */
public final class FakeHostTree implements AutoCloseable {

  private final Path root;
  private final Path rtc;
  private final long rtcAheadSeconds;
  private final ScheduledExecutorService ticker;

  private FakeHostTree(Path root, long rtcAheadSeconds) {
    this.root = root;
    this.rtc = root.resolve("sys/class/rtc/rtc0");
    this.rtcAheadSeconds = rtcAheadSeconds;
    this.ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "rtc-ticker");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Writes the tree under {@code root} and starts its RTC ticking.
   *
   * @param process the one {@code comm} in its /proc
   * @param clocksource current; {@code tsc} and it are available
   * @param zone the {@code /etc/localtime} link target below zoneinfo, e.g. {@code Etc/UTC}
   * @param rtcLocal {@code /etc/adjtime} line 3 LOCAL (else UTC)
   * @param rtcAheadSeconds RTC minus the real clock
   */
  public static FakeHostTree create(
      Path root,
      String process,
      String clocksource,
      String zone,
      boolean rtcLocal,
      long rtcAheadSeconds) {
    FakeHostTree tree = new FakeHostTree(root, rtcAheadSeconds);
    try {
      write(root.resolve("proc/1/comm"), process + "\n");
      Path cs = root.resolve("sys/devices/system/clocksource/clocksource0");
      write(cs.resolve("current_clocksource"), clocksource + "\n");
      write(
          cs.resolve("available_clocksource"),
          (clocksource.equals("tsc") ? "tsc " : "tsc " + clocksource + " ") + "\n");
      write(tree.rtc.resolve("hctosys"), "1\n");
      tree.tick();
      Files.createDirectories(root.resolve("etc"));
      Files.createSymbolicLink(
          root.resolve("etc/localtime"), Path.of("/usr/share/zoneinfo").resolve(zone));
      write(root.resolve("etc/adjtime"), "0.0 0 0.0\n0\n" + (rtcLocal ? "LOCAL" : "UTC") + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var unused = tree.ticker.scheduleAtFixedRate(tree::tick, 200, 200, TimeUnit.MILLISECONDS);
    return tree;
  }

  public List<String> args() {
    List<String> args = new ArrayList<>();
    args.add("--path.procfs=" + root.resolve("proc"));
    args.add("--path.sysfs=" + root.resolve("sys"));
    args.add("--path.rootfs=" + root);
    return args;
  }

  private void tick() {
    try {
      Path next = rtc.resolve("since_epoch.next");
      Files.writeString(next, (System.currentTimeMillis() / 1000 + rtcAheadSeconds) + "\n");
      Files.move(next, rtc.resolve("since_epoch"), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Override
  public void close() throws IOException {
    ticker.shutdownNow();
    TestFiles.deleteRecursively(root);
  }
}
