package io.clockhealth.exporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clockhealth.exporter.testing.Chronyd;
import io.clockhealth.exporter.testing.ExporterProcess;
import io.clockhealth.exporter.testing.LoopbackRanges;
import io.clockhealth.exporter.testing.ScrapedMetrics;
import io.clockhealth.exporter.testing.TestDaemons;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code --once} against a real chronyd prints the chrony metrics, and the same series as the
 * server's {@code /metrics}; and the served process stops cleanly on SIGTERM.
 */
class OnceIT {

  /** Loopback addresses and ports of this class. */
  private static final LoopbackRanges RANGE = LoopbackRanges.ONCE_IT;

  /** Series whose values change between two collections; compared by presence only. */
  private static final Set<String> VOLATILE =
      Set.of(
          "clock_time_seconds",
          "clock_scrape_collector_duration_seconds",
          // The kernel's state moves while a daemon disciplines this machine's clock.
          "clock_kernel_offset_seconds",
          "clock_kernel_frequency_ppm",
          "clock_kernel_max_error_seconds",
          "clock_kernel_estimated_error_seconds",
          "clock_rtc_time_seconds",
          "clock_rtc_offset_seconds");

  /**
   * The time daemons running on this machine: other tests' daemons come and go between the two
   * collections, so only this test's chronyd must be in both.
   */
  private static final String DAEMONS_RUNNING = "clock_time_daemon_running";

  private static final String STEPS = "clock_steps_total";

  @Test
  void onceMatchesTheServedMetrics() throws Exception {
    try (Chronyd server =
        Chronyd.builder(OnceIT.class, "server")
            .localServer(RANGE.address(0), RANGE.port(0))
            .start()) {
      Process once =
          new ProcessBuilder(
                  "java",
                  "-jar",
                  ExporterProcess.jar().toString(),
                  "--once",
                  "--no-collector.ntpd",
                  "--no-collector.timesyncd",
                  "--collector.chrony.path=" + TestDaemons.get().chronyc(),
                  "--collector.chrony.args=-h " + server.socketPath())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String stdout = new String(once.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(once.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(once.exitValue()).isZero();
      ScrapedMetrics printed = ScrapedMetrics.parse(stdout);
      assertThat(printed.valueOf("clock_scrape_collector_success", "collector", "chrony"))
          .isEqualTo(1.0);
      assertThat(printed.valueOf("clock_stratum", "daemon", "chrony")).isEqualTo(10.0);
      assertThat(printed.valueOf("clock_local_reference", "daemon", "chrony")).isEqualTo(1.0);

      ScrapedMetrics served;
      try (ExporterProcess exporter =
          ExporterProcess.forChronyd(OnceIT.class, server)
              .args("--no-collector.ntpd", "--no-collector.timesyncd")
              .start()) {
        served = exporter.scrape();
      }
      // Steps are watched only by a process that keeps running: served, never printed.
      assertThat(served.has(STEPS, "direction", "forward")).isTrue();
      assertThat(served.has(STEPS, "direction", "backward")).isTrue();
      assertThat(printed.has(STEPS)).isFalse();
      assertThat(seriesKeys(served)).isEqualTo(seriesKeys(printed));
      for (ScrapedMetrics m : List.of(printed, served)) {
        assertThat(m.value(DAEMONS_RUNNING, "process", "chronyd")).hasValue(1.0);
      }
      for (ScrapedMetrics.Sample sample : printed.samples()) {
        if (!VOLATILE.contains(sample.name())
            && !sample.name().equals(DAEMONS_RUNNING)
            && !sample.name().startsWith("clock_server_")) {
          assertThat(served.value(sample.name(), pairs(sample.labels())))
              .as(sample.toString())
              .hasValue(sample.value());
        }
      }
    }
  }

  private static Set<String> seriesKeys(ScrapedMetrics metrics) {
    return metrics.samples().stream()
        .filter(s -> !s.name().equals(DAEMONS_RUNNING) && !s.name().equals(STEPS))
        .map(s -> s.name() + s.labels())
        .collect(Collectors.toSet());
  }

  private static String[] pairs(Map<String, String> labels) {
    return labels.entrySet().stream()
        .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
        .toArray(String[]::new);
  }
}
