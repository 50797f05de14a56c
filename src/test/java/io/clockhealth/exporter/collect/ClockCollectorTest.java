package io.clockhealth.exporter.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.clockhealth.exporter.config.ExporterSettings;
import io.clockhealth.exporter.model.Daemon;
import io.clockhealth.exporter.model.DaemonReport;
import io.clockhealth.exporter.model.HostClock;
import java.time.Clock;
import java.time.Duration;
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

  @Test
  void theHostCollectorRunsFirstAndItsFailureIsItsOwn() {
    HostClock read = HostClock.timedated(null, true);
    HostCollector host = () -> new HostCollection(true, read);
    DaemonCollector timesyncd =
        FakeCollector.of(
            Daemon.TIMESYNCD,
            () ->
                new CollectionResult(
                    true,
                    new DaemonReport(
                        Daemon.TIMESYNCD,
                        true,
                        null,
                        List.of(),
                        List.of(),
                        HostClock.timedated(true, false),
                        null,
                        null)));
    try (ClockCollector clock =
        new ClockCollector(
            List.of(timesyncd),
            host,
            Clock.fixed(Instant.ofEpochSecond(1_795_000_000L), ZoneOffset.UTC),
            new BuildInfo("1", "r"),
            Duration.ZERO,
            ExporterSettings.DEFAULT_MAX_SOURCES)) {
      assertThat(clock.collectorNames()).containsExactly("host", "timesyncd");
      ScrapeResult scrape = clock.scrape();
      assertThat(scrape.host()).isNotNull();
      assertThat(scrape.host().result().success()).isTrue();
      // The host collector's /etc/adjtime wins over timedated's LocalRTC; NTP= only timedated has.
      assertThat(scrape.hostClock().rtcLocalTime()).isTrue();
      assertThat(scrape.hostClock().timedatedNtpEnabled()).isTrue();
    }
    HostCollector broken =
        () -> {
          throw new IllegalStateException("reader bug");
        };
    try (ClockCollector clock =
        new ClockCollector(
            List.of(collector(Daemon.CHRONY, () -> {})),
            broken,
            Clock.systemUTC(),
            new BuildInfo("1", "r"),
            Duration.ZERO,
            ExporterSettings.DEFAULT_MAX_SOURCES)) {
      ScrapeResult scrape = clock.scrape();
      assertThat(scrape.host().result().success()).isFalse();
      assertThat(scrape.outcomes()).extracting(o -> o.result().success()).containsExactly(true);
    }
  }
}
