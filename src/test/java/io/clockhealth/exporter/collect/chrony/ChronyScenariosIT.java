package io.clockhealth.exporter.collect.chrony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.clockhealth.exporter.testing.Chronyd;
import io.clockhealth.exporter.testing.ExporterProcess;
import io.clockhealth.exporter.testing.LoopbackRanges;
import io.clockhealth.exporter.testing.ScrapedMetrics;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The exporter against real chronyd instances on loopback: what it serves over HTTP for a
 * synchronised client, a local-reference server, a client with a falseticker, and a client whose
 * only source is 73 s ahead.
 *
 * <p>Loopback addresses and ports: {@link LoopbackRanges#CHRONY_SCENARIOS_IT}. All daemons start
 * once, in {@link #startDaemons}, so the clients converge concurrently.
 */
class ChronyScenariosIT {

  private static final LoopbackRanges RANGE = LoopbackRanges.CHRONY_SCENARIOS_IT;
  private static final String SRV_A = RANGE.address(0);
  private static final String SRV_B = RANGE.address(1);
  private static final String SRV_F = RANGE.address(2); // +73 s under libfaketime
  private static final int PORT_A = RANGE.port(0);
  private static final int PORT_B = RANGE.port(1);
  private static final int PORT_F = RANGE.port(2);
  private static final Duration CONVERGE = Duration.ofSeconds(30);
  private static final Duration SERVE = Duration.ofSeconds(15);

  private static Chronyd srvA;
  private static Chronyd srvB;
  private static Chronyd srvF;
  private static Chronyd single;
  private static Chronyd three;
  private static Chronyd only73;

  @BeforeAll
  static void startDaemons() {
    srvA = server("srvA", SRV_A, PORT_A, null);
    srvB = server("srvB", SRV_B, PORT_B, null);
    srvF = server("srvF", SRV_F, PORT_F, "+73s");
    single =
        Chronyd.builder(ChronyScenariosIT.class, "single")
            .config(
                "server " + SRV_A + " port " + PORT_A + " iburst minpoll -2 maxpoll 0", "port 0")
            .start();
    // minsources 2: never selects the falseticker, not even transiently at start.
    three =
        Chronyd.builder(ChronyScenariosIT.class, "three")
            .config(
                fastServer(SRV_A, PORT_A),
                fastServer(SRV_B, PORT_B),
                fastServer(SRV_F, PORT_F),
                "minsources 2",
                "port 0")
            .start();
    only73 =
        Chronyd.builder(ChronyScenariosIT.class, "only73")
            .config(
                "server " + SRV_F + " port " + PORT_F + " iburst minpoll -2 maxpoll 0", "port 0")
            .start();
  }

  @AfterAll
  static void stopDaemons() {
    Stream.of(single, three, only73, srvA, srvB, srvF)
        .filter(d -> d != null)
        .forEach(Chronyd::stop);
  }

  private static Chronyd server(String name, String address, int port, String fakeTime) {
    Chronyd.Builder b = Chronyd.builder(ChronyScenariosIT.class, name).localServer(address, port);
    if (fakeTime != null) {
      b.fakeTime(fakeTime);
    }
    return b.start();
  }

  private static String fastServer(String address, int port) {
    return "server " + address + " port " + port + " iburst minpoll -2 maxpoll -2 maxsamples 8";
  }

  private static void awaitStates(Chronyd client, String regex) {
    await(client.name() + " sources match " + regex)
        .atMost(CONVERGE)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions()
        .untilAsserted(() -> assertThat(client.states()).as(client::describe).matches(regex));
  }

  @Test
  void synchronisedClientAndItsLocalReferenceServer() {
    awaitStates(single, "\\*");
    try (ExporterProcess client =
            ExporterProcess.forChronyd(ChronyScenariosIT.class, single).start();
        ExporterProcess server =
            ExporterProcess.forChronyd(ChronyScenariosIT.class, srvA).start()) {

      ScrapedMetrics m =
          client.awaitScrape(
              SERVE,
              s -> {
                assertThat(s.valueOf("clock_synchronized", "daemon", "chrony")).isEqualTo(1.0);
                assertThat(s.valueOf("clock_stratum", "daemon", "chrony")).isEqualTo(11.0);
                assertThat(s.chronySourceState(SRV_A, "selected")).isEqualTo(1.0);
                assertThat(
                        s.valueOf("clock_source_reachability", "daemon", "chrony", "source", SRV_A))
                    .isGreaterThan(0.0);
              });
      // One state set: every other state of that source is 0.
      assertThat(m.matching("clock_source_state", "daemon", "chrony", "source", SRV_A))
          .hasSize(6)
          .filteredOn(s -> s.value() == 1.0)
          .hasSize(1);
      assertThat(m.valueOf("clock_daemon_up", "daemon", "chrony")).isEqualTo(1.0);
      assertThat(m.valueOf("clock_scrape_collector_success", "collector", "chrony")).isEqualTo(1.0);
      assertThat(m.valueOf("clock_local_reference", "daemon", "chrony")).isEqualTo(0.0);
      double now = System.currentTimeMillis() / 1000.0;
      assertThat(m.valueOf("clock_time_seconds")).isCloseTo(now, within(5.0));

      server.awaitScrape(
          SERVE,
          s -> {
            assertThat(s.valueOf("clock_local_reference", "daemon", "chrony")).isEqualTo(1.0);
            assertThat(
                    s.valueOf(
                        "clock_reference_info",
                        "daemon",
                        "chrony",
                        "ref_id",
                        "7F7F0101",
                        "reference",
                        ""))
                .isEqualTo(1.0);
            assertThat(s.valueOf("clock_stratum", "daemon", "chrony")).isEqualTo(10.0);
          });
    }
  }

  @Test
  void falsetickerSeventyThreeSecondsAheadIsRejected() {
    // Wait for the x, not just a *: one good source selected, the other good one acceptable
    // (combined, or - when chrony judges its jitter too far apart, as a loaded machine makes it
    // after a scheduling stall), the +73 s one rejected.
    awaitServed(
        three,
        "(\\*[+-]|[+-]\\*)x",
        s -> {
          assertThat(s.chronySourceState(SRV_F, "falseticker")).isEqualTo(1.0);
          // local - source: this host is 73 s behind that source.
          assertThat(s.valueOf("clock_source_offset_seconds", "daemon", "chrony", "source", SRV_F))
              .isCloseTo(-73.0, within(0.5));
          assertThat(s.valueOf("clock_synchronized", "daemon", "chrony")).isEqualTo(1.0);
          assertThat(Math.abs(s.valueOf("clock_offset_seconds", "daemon", "chrony")))
              .isLessThan(0.1);
          List<String> good = List.of(SRV_A, SRV_B);
          assertThat(good.stream().mapToDouble(a -> s.chronySourceState(a, "selected")).sum())
              .isEqualTo(1.0);
        });
  }

  @Test
  void onlySourceSeventyThreeSecondsAheadShowsInSystemOffset() {
    awaitServed(
        only73,
        "\\*",
        s -> {
          // chronyd -x cannot correct the clock: this host stays 73 s behind its reference.
          assertThat(s.valueOf("clock_offset_seconds", "daemon", "chrony"))
              .isCloseTo(-73.0, within(0.5));
          assertThat(s.valueOf("clock_synchronized", "daemon", "chrony")).isEqualTo(1.0);
          assertThat(s.chronySourceState(SRV_F, "selected")).isEqualTo(1.0);
        });
  }

  /** Once {@code client}'s sources show {@code states}: an exporter on it, scraped until OK. */
  private static void awaitServed(
      Chronyd client, String states, Consumer<ScrapedMetrics> assertions) {
    awaitStates(client, states);
    try (ExporterProcess exporter =
        ExporterProcess.forChronyd(ChronyScenariosIT.class, client).start()) {
      exporter.awaitScrape(SERVE, assertions);
    }
  }
}
