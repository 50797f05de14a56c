package io.clockhealth.exporter.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clockhealth.exporter.testing.ExporterProcess;
import io.clockhealth.exporter.testing.ScrapedMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What every fault must look like from outside: HTTP 200 within the collector timeout, {@code
 * clock_scrape_collector_success{collector="chrony"} 0}, no chrony value left over from before the
 * fault, exactly one WARN line naming the command and the reason, and no process of the tool left.
 */
final class FaultChecks {

  /** The exporter's per-command timeout in these tests. */
  static final Duration TIMEOUT = Duration.ofSeconds(2);

  /** Slack on top of the timeout for a loaded CI machine. */
  static final Duration SLACK = Duration.ofSeconds(1);

  private FaultChecks() {}

  /** The exporter arguments common to every fault test: chrony only, the test's tool. */
  static String[] chronyOnly(Path chronyc, String... more) {
    List<String> args = new ArrayList<>();
    args.add("--collector.chrony");
    args.add("--collector.chrony.path=" + chronyc);
    args.add("--no-collector.ntpd");
    args.add("--no-collector.timesyncd");
    args.add("--collector.timeout=" + TIMEOUT.toMillis() + "ms");
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  /** A healthy scrape: the collector succeeded and chrony's values are served. */
  static void assertHealthy(ScrapedMetrics m) {
    assertThat(m.valueOf("clock_scrape_collector_success", "collector", "chrony")).isEqualTo(1.0);
    assertThat(m.valueOf("clock_daemon_up", "daemon", "chrony")).isEqualTo(1.0);
    assertThat(m.has("clock_offset_seconds", "daemon", "chrony")).isTrue();
  }

  /**
   * A scrape during a fault: answered in time, collector failed, and none of chrony's measured
   * values (only {@code clock_daemon_up} may remain, and only when it is 0).
   */
  static void assertFailedWithoutValues(ExporterProcess exporter, ScrapedMetrics m) {
    assertThat(m.elapsed())
        .as("scrape duration during the fault\n%s", exporter.log())
        .isLessThan(TIMEOUT.plus(SLACK));
    assertThat(m.valueOf("clock_scrape_collector_success", "collector", "chrony"))
        .as("collector success\n%s", m.text())
        .isEqualTo(0.0);
    List<String> leftovers =
        m.samples().stream()
            .filter(s -> "chrony".equals(s.labels().get("daemon")))
            .filter(s -> !s.name().equals("clock_daemon_up"))
            .map(ScrapedMetrics.Sample::toString)
            .toList();
    assertThat(leftovers).as("chrony values served during the fault (stale)").isEmpty();
    m.value("clock_daemon_up", "daemon", "chrony")
        .ifPresent(up -> assertThat(up).as("clock_daemon_up during the fault").isEqualTo(0.0));
  }

  /** Number of lines of the exporter's log so far: a mark for {@link #warningsSince}. */
  static int logMark(ExporterProcess exporter) {
    return logLines(exporter).size();
  }

  /** WARN (and worse) lines logged after {@code mark}. */
  static List<String> warningsSince(ExporterProcess exporter, int mark) {
    List<String> all = logLines(exporter);
    return all.subList(Math.min(mark, all.size()), all.size()).stream()
        .filter(l -> l.matches("^\\S+ (WARN|ERROR) .*") || l.contains("Exception"))
        .toList();
  }

  /**
   * Exactly one WARN line since {@code mark}, from the chrony collector, naming the command and
   * containing {@code reason}.
   */
  static void assertOneWarning(ExporterProcess exporter, int mark, String command, String reason) {
    // The line is written before the scrape answers; the await only covers file buffering.
    await("the WARN line for " + command)
        .atMost(Duration.ofSeconds(2))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(20))
        .until(() -> !warningsSince(exporter, mark).isEmpty());
    List<String> warnings = warningsSince(exporter, mark);
    assertThat(warnings).as("WARN lines after the fault\n%s", exporter.log()).hasSize(1);
    assertThat(warnings.get(0))
        .contains(" WARN ")
        .contains("collector=chrony")
        .contains("command \"" + command)
        .contains(reason);
  }

  private static List<String> logLines(ExporterProcess exporter) {
    try {
      return Files.readAllLines(exporter.logFile(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** PIDs whose command line contains {@code marker}, other than {@code except}. */
  static List<Long> markedProcesses(String marker, long except) {
    List<Long> pids = new ArrayList<>();
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : procs.toList()) {
        String name = p.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit) || Long.parseLong(name) == except) {
          continue;
        }
        try {
          byte[] cmdline = Files.readAllBytes(p.resolve("cmdline"));
          if (new String(cmdline, StandardCharsets.UTF_8).contains(marker)) {
            pids.add(Long.parseLong(name));
          }
        } catch (IOException gone) {
          // exited while we looked
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pids;
  }

  /** No process carrying {@code marker} (the fake tool and its children) is left. */
  static void assertNothingLeft(String marker, long exporterPid) {
    await("no process with marker " + marker + " left")
        .atMost(Duration.ofSeconds(5))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(50))
        .untilAsserted(() -> assertThat(markedProcesses(marker, exporterPid)).isEmpty());
  }

  /** Kills what is left with {@code marker} (after a failed test), never anything else. */
  static void killMarked(String marker) {
    for (long pid : markedProcesses(marker, -1)) {
      ProcessHandle.of(pid)
          .filter(h -> h.info().commandLine().map(c -> !c.contains(" -jar ")).orElse(true))
          .ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  /** Writes an executable POSIX shell script. */
  static Path script(Path file, String body) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, "#!/bin/sh\n" + body, StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(
          file, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
