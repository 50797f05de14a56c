package io.clockhealth.exporter.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.clockhealth.exporter.metrics.Daemon;
import io.clockhealth.exporter.metrics.DaemonReport;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClockCollectorTest {

  private static DaemonCollector collector(Daemon daemon, Runnable behaviour) {
    return FakeCollector.of(
        daemon,
        () -> {
          behaviour.run();
          return new CollectionResult(true, DaemonReport.empty(daemon, true));
        });
  }

  @Test
  void aCollectorThatThrowsCostsOnlyItsOwnSeries() {
    DaemonCollector broken =
        collector(
            Daemon.NTPD,
            () -> {
              throw new IllegalStateException("parser bug");
            });
    try (ClockCollector clock =
        new ClockCollector(
            List.of(collector(Daemon.CHRONY, () -> {}), broken),
            Clock.fixed(Instant.ofEpochSecond(1_795_000_000L), ZoneOffset.UTC),
            new BuildInfo("1", "r"))) {
      ScrapeResult scrape = clock.scrape();
      assertThat(scrape.hostTimeSeconds()).isEqualTo(1_795_000_000.0);
      assertThat(scrape.outcomes())
          .extracting(o -> o.collector() + "=" + o.result().success())
          .containsExactly("chrony=true", "ntpd=false");
      assertThat(clock.collect().stream().map(s -> s.getMetadata().getName()))
          .contains("clock_daemon_up", "clock_scrape_collector_success");
    }
  }
}
