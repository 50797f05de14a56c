package io.clockhealth.exporter.collect.chrony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clockhealth.exporter.testing.Chronyd;
import io.clockhealth.exporter.testing.ExporterProcess;
import io.clockhealth.exporter.testing.LoopbackRanges;
import io.clockhealth.exporter.testing.ScrapedMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Losing things, in order: the selected source dies (its reachability decays to 0 and its state
 * becomes unusable), then chronyd itself stops (daemon down, collector failed, /metrics still
 * fast).
 *
 * <p>Loopback addresses and ports: {@link LoopbackRanges#CHRONY_SOURCE_LOSS_IT}. The client polls
 * every 0.25 s and keeps 8 samples, so a dead source turns unusable within seconds instead of ~64
 * polls.
 */
class ChronySourceLossIT {

  private static final LoopbackRanges RANGE = LoopbackRanges.CHRONY_SOURCE_LOSS_IT;
  private static final String SRV_1 = RANGE.address(0);
  private static final String SRV_2 = RANGE.address(1);
  private static final Map<String, Integer> SERVERS =
      Map.of(SRV_1, RANGE.port(0), SRV_2, RANGE.port(1));

  private static Chronyd srv1;
  private static Chronyd srv2;
  private static Chronyd client;

  @BeforeAll
  static void startDaemons() {
    srv1 = server("srv1", SRV_1);
    srv2 = server("srv2", SRV_2);
    client =
        Chronyd.builder(ChronySourceLossIT.class, "client")
            .config(fast(SRV_1), fast(SRV_2), "minsources 2", "port 0")
            .start();
  }

  @AfterAll
  static void stopDaemons() {
    Stream.of(client, srv1, srv2).filter(d -> d != null).forEach(Chronyd::stop);
  }

  private static Chronyd server(String name, String address) {
    return Chronyd.builder(ChronySourceLossIT.class, name)
        .localServer(address, SERVERS.get(address))
        .start();
  }

  private static String fast(String address) {
    return "server "
        + address
        + " port "
        + SERVERS.get(address)
        + " iburst minpoll -2 maxpoll -2 maxsamples 8";
  }

  @Test
  void deadSourceBecomesUnusableThenStoppedDaemonIsReportedDown() {
    await("client selects one server and combines the other")
        .atMost(Duration.ofSeconds(30))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions()
        .untilAsserted(
            () -> assertThat(client.states()).as(client::describe).matches("\\*\\+|\\+\\*"));

    try (ExporterProcess exporter =
        ExporterProcess.forChronyd(ChronySourceLossIT.class, client).start()) {
      ScrapedMetrics before =
          exporter.awaitScrape(
              Duration.ofSeconds(15),
              s ->
                  assertThat(
                          s.matching("clock_source_state", "daemon", "chrony", "state", "selected"))
                      .filteredOn(x -> x.value() == 1.0)
                      .hasSize(1));
      String selected =
          before.matching("clock_source_state", "daemon", "chrony", "state", "selected").stream()
              .filter(x -> x.value() == 1.0)
              .findFirst()
              .orElseThrow()
              .labels()
              .get("source");
      assertThat(selected).isIn(SERVERS.keySet());

      Chronyd victim = selected.equals(SRV_1) ? srv1 : srv2;
      victim.stop();
      assertThat(victim.isAlive()).isFalse();

      exporter.awaitScrape(
          Duration.ofSeconds(30),
          s -> {
            assertThat(
                    s.valueOf("clock_source_reachability", "daemon", "chrony", "source", selected))
                .isEqualTo(0.0);
            assertThat(s.chronySourceState(selected, "unusable")).isEqualTo(1.0);
          });

      client.stop();
      assertThat(client.isAlive()).isFalse();

      for (int i = 0; i < 3; i++) {
        ScrapedMetrics down = exporter.scrape();
        assertThat(down.valueOf("clock_daemon_up", "daemon", "chrony")).isEqualTo(0.0);
        assertThat(down.valueOf("clock_scrape_collector_success", "collector", "chrony"))
            .isEqualTo(0.0);
        assertThat(down.has("clock_synchronized", "daemon", "chrony"))
            .as("nothing measured, so no clock_synchronized\n%s", down.text())
            .isFalse();
        assertThat(down.elapsed())
            .as("scrape with chronyd gone (collector timeout is 2 s)")
            .isLessThan(Duration.ofSeconds(1));
      }
    }
  }
}
