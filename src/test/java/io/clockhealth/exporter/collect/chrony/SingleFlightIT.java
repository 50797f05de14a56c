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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Many concurrent scrapes against a chronyc that hangs: every scrape answers within the timeout,
 * the scrapes of one window share one chronyc run (single-flight), and nothing is left running.
 */
class SingleFlightIT {

  private static final int SCRAPES = 20;

  private final String marker = "clock-it-flight-" + UUID.randomUUID();

  @AfterEach
  void killLeftovers() {
    for (long pid : ChronycTimeoutIT.markedProcesses(marker)) {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void concurrentScrapesShareOneHungRunAndAllAnswerInTime() throws IOException {
    Path dir = TestDaemons.targetDir().resolve("it-daemons/SingleFlightIT/fake");
    Files.createDirectories(dir);
    Path starts = dir.resolve("starts-" + marker);
    Path chronyc = dir.resolve("chronyc-" + marker);
    // Each run records itself, then hangs in a child (so only a tree kill cleans up).
    Files.writeString(
        chronyc,
        "#!/bin/sh\necho \"$*\" >> '" + starts + "'\nsleep 300 &\nwait\n",
        StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(chronyc, PosixFilePermissions.fromString("rwxr-xr-x"));

    try (ExporterProcess exporter =
        ExporterProcess.builder(SingleFlightIT.class, "flight")
            .args(
                "--collector.chrony",
                "--no-collector.ntpd",
                "--no-collector.timesyncd",
                "--collector.chrony.path=" + chronyc,
                "--collector.timeout=1s",
                // All 20 handled at once: this is about sharing a flight, not the request limit.
                "--web.max-requests=" + SCRAPES,
                "--log.level=info")
            .start()) {
      List<CompletableFuture<ScrapedMetrics>> scrapes = new ArrayList<>();
      for (int i = 0; i < SCRAPES; i++) {
        scrapes.add(CompletableFuture.supplyAsync(exporter::scrape));
      }
      for (CompletableFuture<ScrapedMetrics> scrape : scrapes) {
        ScrapedMetrics m = scrape.join();
        assertThat(m.elapsed()).as(exporter.log()).isLessThan(Duration.ofSeconds(3));
        assertThat(m.valueOf("clock_scrape_collector_success", "collector", "chrony"))
            .isEqualTo(0.0);
      }
      // One line per chronyc run, and one run per collection (chronyc -m).
      List<String> runs = Files.readAllLines(starts);
      // 20 scrapes within one 1 s window: one collection, or two if the last scrapes missed the
      // first window; never one per scrape.
      assertThat(runs).hasSizeBetween(1, 2);
      await("no process of the fake chronyc left")
          .atMost(Duration.ofSeconds(5))
          .pollInterval(Duration.ofMillis(100))
          .untilAsserted(
              () ->
                  assertThat(ChronycTimeoutIT.markedChildren(marker, exporter.pid()))
                      .as("processes still running")
                      .isEmpty());
    }
  }
}
