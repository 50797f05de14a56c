package io.clockhealth.exporter.collect.chrony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clockhealth.exporter.testing.ExporterProcess;
import io.clockhealth.exporter.testing.ScrapedMetrics;
import io.clockhealth.exporter.testing.TestDaemons;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A chronyc that never answers (a script that waits for a child {@code sleep 300}): the scrape must
 * end after the collector timeout, report the collector failed, and leave no process behind. No
 * daemon and no network are involved.
 */
class ChronycTimeoutIT {

  private final String marker = "clock-it-hang-" + UUID.randomUUID();

  @AfterEach
  void killLeftovers() {
    // Only processes whose command line carries this test's unique marker: ours.
    for (long pid : markedProcesses(marker)) {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void hangingChronycIsKilledAtTheTimeoutWithItsChildren() throws IOException {
    Path dir = TestDaemons.targetDir().resolve("it-daemons/ChronycTimeoutIT/fake");
    Files.createDirectories(dir);
    Path sleep = dir.resolve("sleep-" + marker);
    Files.createSymbolicLink(sleep, sleepBinary());
    Path chronyc = dir.resolve("chronyc-" + marker);
    Files.writeString(
        chronyc,
        "#!/bin/sh\n# fake chronyc: never answers\n'" + sleep + "' 300 &\nwait\n",
        StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(chronyc, PosixFilePermissions.fromString("rwxr-xr-x"));

    try (ExporterProcess exporter =
        ExporterProcess.builder(ChronycTimeoutIT.class, "hang")
            .args(
                "--collector.chrony",
                "--collector.chrony.path=" + chronyc,
                "--collector.timeout=1s",
                "--log.level=debug")
            .start()) {
      // While the first scrape hangs, the fake chronyc and its sleep child exist.
      CompletableFuture<ScrapedMetrics> first = CompletableFuture.supplyAsync(exporter::scrape);
      await("the fake chronyc runs with its sleep child")
          .atMost(Duration.ofSeconds(2))
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(20))
          .untilAsserted(
              () ->
                  assertThat(describe(markedChildren(marker, exporter.pid())))
                      .anyMatch(c -> c.contains("sleep-" + marker + " 300")));
      for (int i = 0; i < 2; i++) {
        ScrapedMetrics m = i == 0 ? first.join() : exporter.scrape();
        assertThat(m.elapsed())
            .as("scrape with a hanging chronyc and --collector.timeout=1s\n%s", exporter.log())
            .isLessThan(Duration.ofSeconds(3));
        assertThat(m.valueOf("clock_scrape_collector_success", "collector", "chrony"))
            .isEqualTo(0.0);
        assertThat(m.has("clock_synchronized", "daemon", "chrony")).isFalse();
      }
      await("no process with marker " + marker + " left")
          .atMost(Duration.ofSeconds(5))
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(100))
          .untilAsserted(
              () ->
                  assertThat(describe(markedChildren(marker, exporter.pid())))
                      .as("processes of the fake chronyc still running after the scrape")
                      .isEmpty());
    }
  }

  private static Path sleepBinary() {
    return Stream.of("/usr/bin/sleep", "/bin/sleep")
        .map(Path::of)
        .filter(Files::isExecutable)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no sleep binary"));
  }

  /**
   * Processes of the fake chronyc: marked PIDs other than the exporter itself (its own command line
   * names the fake chronyc).
   */
  static List<Long> markedChildren(String marker, long exporterPid) {
    List<Long> pids = markedProcesses(marker);
    pids.remove(Long.valueOf(exporterPid));
    return pids;
  }

  /** PIDs whose /proc/PID/cmdline contains {@code marker}. */
  static List<Long> markedProcesses(String marker) {
    List<Long> pids = new ArrayList<>();
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : procs.toList()) {
        String name = p.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit)) {
          continue;
        }
        try {
          String cmdline =
              new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
          if (cmdline.contains(marker)) {
            pids.add(Long.parseLong(name));
          }
        } catch (IOException gone) {
          // exited while we looked
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return pids;
  }

  private static List<String> describe(List<Long> pids) {
    List<String> out = new ArrayList<>();
    for (long pid : pids) {
      try {
        out.add(
            pid
                + ": "
                + new String(
                        Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                        StandardCharsets.UTF_8)
                    .replace('\0', ' '));
      } catch (IOException gone) {
        // exited
      }
    }
    return out;
  }
}
