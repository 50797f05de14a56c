package io.clockhealth.exporter.collect.timesyncd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.clockhealth.exporter.testing.Chronyd;
import io.clockhealth.exporter.testing.Cleanup;
import io.clockhealth.exporter.testing.ExporterProcess;
import io.clockhealth.exporter.testing.NetNs;
import io.clockhealth.exporter.testing.ScrapedMetrics;
import io.clockhealth.exporter.testing.Timesyncd;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The exporter against real systemd-timesyncd: three timesyncd (each on its own private bus) in
 * namespace {@code che-tsc-*}, talking to chronyd servers in {@code che-tss-*}; the two namespaces
 * are linked by one veth pair and have no other route.
 *
 * <p>Addresses of this class: 10.243.0.1 (timesyncd) ↔ 10.243.0.2 (good), 10.243.0.3 (+73 s),
 * 10.243.0.4 (good, killed by the loss test). All chronyd are {@code local stratum 10}.
 *
 * <p>timesyncd polls every 16 s at the fastest; its first reply arrives ~0.05 s after start, so all
 * daemons start once in {@link #start} and no test waits for a second poll.
 */
class TimesyncdScenariosIT {

  private static final String GOOD = "10.243.0.2";
  private static final String FAKE73 = "10.243.0.3";
  private static final String DOOMED = "10.243.0.4";
  private static final Duration FIRST_REPLY = Duration.ofSeconds(15);
  private static final Duration SERVE = Duration.ofSeconds(15);

  private static NetNs serverNs;
  private static NetNs clientNs;
  private static Chronyd goodServer;
  private static Chronyd fakeServer;
  private static Chronyd doomedServer;
  private static Timesyncd good;
  private static Timesyncd fake73;
  private static Timesyncd loss;
  private static double goodStartedAt;

  @BeforeAll
  static void start() {
    serverNs = NetNs.create("tss");
    clientNs = NetNs.create("tsc");
    NetNs.veth(
        clientNs,
        "ts0",
        "10.243.0.1/24",
        serverNs,
        "ts1",
        GOOD + "/24",
        FAKE73 + "/24",
        DOOMED + "/24");
    goodServer = server("goodServer", GOOD, null);
    fakeServer = server("fakeServer", FAKE73, "+73s");
    doomedServer = server("doomedServer", DOOMED, null);
    goodStartedAt = now();
    good = timesyncd("good", GOOD);
    fake73 = timesyncd("fake73", FAKE73);
    loss = timesyncd("loss", DOOMED);
  }

  @AfterAll
  static void stop() {
    // timesyncd (with its bus and timedated), then the servers, then the namespaces.
    Cleanup.all(good, fake73, loss, goodServer, fakeServer, doomedServer, clientNs, serverNs);
  }

  private static Chronyd server(String name, String address, String fakeTime) {
    Chronyd.Builder b =
        Chronyd.builder(TimesyncdScenariosIT.class, name)
            .netns(serverNs)
            .config("local stratum 10", "allow 10.243.0.0/24", "bindaddress " + address);
    if (fakeTime != null) {
      b.fakeTime(fakeTime);
    }
    return b.start();
  }

  private static Timesyncd timesyncd(String name, String server) {
    return Timesyncd.builder(TimesyncdScenariosIT.class, name)
        .netns(clientNs)
        .server(server)
        .start();
  }

  private static void awaitFirstReply(Timesyncd t) {
    await(t.name() + " has a reply from " + t.server())
        .atMost(FIRST_REPLY)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(50))
        .ignoreExceptions()
        .untilAsserted(() -> assertThat(t.packetCount()).as(t::describe).isPositive());
  }

  private static double now() {
    return System.currentTimeMillis() / 1000.0;
  }

  @Test
  void synchronisedToAGoodServer() {
    awaitFirstReply(good);
    try (ExporterProcess exporter = good.exporter(TimesyncdScenariosIT.class, "good").start()) {
      ScrapedMetrics m =
          exporter.awaitScrape(
              SERVE,
              s -> {
                assertThat(s.valueOf("clock_synchronized", "daemon", "timesyncd")).isEqualTo(1.0);
                // NTPMessage's Stratum: the server's (local stratum 10).
                assertThat(s.valueOf("clock_stratum", "daemon", "timesyncd")).isEqualTo(10.0);
              });
      assertThat(m.valueOf("clock_daemon_up", "daemon", "timesyncd")).isEqualTo(1.0);
      assertThat(m.valueOf("clock_scrape_collector_success", "collector", "timesyncd"))
          .isEqualTo(1.0);
      assertThat(Math.abs(m.valueOf("clock_offset_seconds", "daemon", "timesyncd")))
          .isLessThan(0.1);
      // The last reply: after timesyncd started (timedatectl prints whole seconds), and at most
      // one poll interval (16 s) ago.
      double ref = m.valueOf("clock_reference_timestamp_seconds", "daemon", "timesyncd");
      double now = now();
      assertThat(ref).isBetween(goodStartedAt - 1.5, now + 1.5);
      assertThat(now - ref).isLessThan(16 + 3);
    }
  }

  @Test
  void serverSeventyThreeSecondsAheadShowsInOffset() {
    awaitFirstReply(fake73);
    try (ExporterProcess exporter = fake73.exporter(TimesyncdScenariosIT.class, "fake73").start()) {
      exporter.awaitScrape(
          SERVE,
          s ->
              // local - true: this host is 73 s behind its server (timesyncd cannot step it).
              assertThat(s.valueOf("clock_offset_seconds", "daemon", "timesyncd"))
                  .isCloseTo(-73.0, within(0.5)));
    }
  }

  @Test
  void killedServerFreezesValuesThenTimesyncdOffTheBusIsReportedDown() {
    awaitFirstReply(loss);
    try (ExporterProcess exporter = loss.exporter(TimesyncdScenariosIT.class, "loss").start()) {
      exporter.awaitScrape(
          SERVE,
          s -> assertThat(s.valueOf("clock_synchronized", "daemon", "timesyncd")).isEqualTo(1.0));

      doomedServer.stop();
      assertThat(doomedServer.isAlive()).isFalse();
      int packets = loss.packetCount();

      // timesyncd keeps presenting its last sample (for ~60 s, until it times out): the values
      // stay, while the age of the reference grows.
      ScrapedMetrics first = exporter.scrape();
      double offset = first.valueOf("clock_offset_seconds", "daemon", "timesyncd");
      double ref = first.valueOf("clock_reference_timestamp_seconds", "daemon", "timesyncd");
      double age0 = first.valueOf("clock_time_seconds") - ref;
      ScrapedMetrics later =
          exporter.awaitScrape(
              Duration.ofSeconds(15),
              s ->
                  assertThat(s.valueOf("clock_time_seconds") - ref)
                      .as("age of the frozen reference")
                      .isGreaterThan(age0 + 3));
      assertThat(later.valueOf("clock_offset_seconds", "daemon", "timesyncd")).isEqualTo(offset);
      assertThat(later.valueOf("clock_reference_timestamp_seconds", "daemon", "timesyncd"))
          .isEqualTo(ref);
      assertThat(later.valueOf("clock_daemon_up", "daemon", "timesyncd")).isEqualTo(1.0);
      assertThat(loss.packetCount()).as("no reply since the kill").isEqualTo(packets);

      loss.stop();
      assertThat(loss.isAlive()).isFalse();
      assertThat(loss.bus().isAlive()).as("the bus stays; timesyncd is just not on it").isTrue();
      for (int i = 0; i < 3; i++) {
        ScrapedMetrics down = exporter.scrape();
        assertThat(down.valueOf("clock_daemon_up", "daemon", "timesyncd"))
            .as(down::text)
            .isEqualTo(0.0);
        assertThat(down.valueOf("clock_scrape_collector_success", "collector", "timesyncd"))
            .as(down::text)
            .isEqualTo(0.0);
        assertThat(down.has("clock_synchronized", "daemon", "timesyncd"))
            .as("nothing measured, so no clock_synchronized\n%s", down.text())
            .isFalse();
        assertThat(down.elapsed())
            .as("scrape with timesyncd off the bus (collector timeout 2 s)")
            .isLessThan(Duration.ofSeconds(1));
      }
    }
  }
}
