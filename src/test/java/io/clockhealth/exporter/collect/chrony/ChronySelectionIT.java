package io.clockhealth.exporter.collect.chrony;

import static org.assertj.core.api.Assertions.assertThat;

import io.clockhealth.exporter.testing.Chronyd;
import io.clockhealth.exporter.testing.ExporterProcess;
import io.clockhealth.exporter.testing.LoopbackRanges;
import io.clockhealth.exporter.testing.ScrapedMetrics;
import io.clockhealth.exporter.testing.TestDaemons;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * chrony's own reason for each source, as the exporter serves it ({@code
 * clock_source_selection_info}), from real chronyd clients on loopback configured so that source
 * selection gives each reason the lab can produce; {@code activity} through {@code chronyc
 * offline}; {@code ntpdata}'s counters moving; and the socket-only reports refused over UDP with
 * one log line and nothing else lost.
 *
 * <p>Servers ({@code local stratum 10}, D at 12) on addresses/ports 0, 1 and 2 of {@link
 * LoopbackRanges#CHRONY_SELECTION_IT}, one without time of its own on 5; nothing answers on 3; the
 * UDP command port of the client "udp" on 4. Each client polls every 1–2 s. The clients start
 * together in {@link #startDaemons}, so they converge concurrently.
 */
class ChronySelectionIT {

  private static final LoopbackRanges RANGE = LoopbackRanges.CHRONY_SELECTION_IT;
  private static final String A = RANGE.address(0);
  private static final String B = RANGE.address(1);
  private static final String D = RANGE.address(2);
  private static final String NOBODY = RANGE.address(3);
  private static final String UNSYNCED = RANGE.address(5);
  private static final String UDP = RANGE.address(4);
  private static final int UDP_PORT = RANGE.port(4);
  private static final Duration CONVERGE = Duration.ofSeconds(40);

  private static final List<Chronyd> DAEMONS = new ArrayList<>();
  private static final Map<String, Chronyd> CLIENTS = new LinkedHashMap<>();

  @BeforeAll
  static void startDaemons() {
    DAEMONS.add(server("srvA", 0, "local stratum 10"));
    DAEMONS.add(server("srvB", 1, "local stratum 10"));
    DAEMONS.add(server("srvD", 2, "local stratum 12"));
    // Serves NTP but has no time of its own: it answers with leap "not synchronised".
    DAEMONS.add(server("srvX", 5, "# no local, no sources"));
    // Selected and combined, an unreachable source, a noselect one, an unsynchronised server.
    client("plain", poll(0, ""), poll(1, ""), poll(3, ""), poll(2, "noselect"), poll(5, ""));
    // One sample every 64 s: after the first, too few to select.
    client("slow", "server " + RANGE.hostPort(0).replace(":", " port ") + " minpoll 6 maxpoll 6");
    client("distant", "maxdistance 0.000001", poll(0, ""), poll(1, ""));
    client("jittery", "maxjitter 0.000000001", poll(0, ""), poll(1, ""));
    // D's stratum 12 is at or above the orphan stratum 11; without D, A and B miss minsources.
    client(
        "orphan", "local stratum 11 orphan", "minsources 3", poll(0, ""), poll(1, ""), poll(2, ""));
    // The chrony lab's F: with D trusted, chrony 4.3 marks the other two T (observed) and
    // selects D, although all three serve this machine's clock.
    client("trusting", poll(0, "prefer"), poll(1, ""), poll(2, "trust"));
    // A half a second off, outvoted by B and D.
    client("outvoted", poll(0, "offset 0.5"), poll(1, ""), poll(2, ""));
    client("preferring", poll(0, "prefer"), poll(1, ""));
    CLIENTS.put(
        "udp",
        Chronyd.builder(ChronySelectionIT.class, "udp")
            .config(poll(0, ""), poll(1, ""), "port 0")
            .udpCommandPort(UDP, UDP_PORT)
            .start());
  }

  @AfterAll
  static void stopDaemons() {
    Stream.concat(CLIENTS.values().stream(), DAEMONS.stream()).forEach(Chronyd::stop);
  }

  private static Chronyd server(String name, int n, String local) {
    return Chronyd.builder(ChronySelectionIT.class, name)
        .config(
            local, "allow 127.0.0.0/8", "bindaddress " + RANGE.address(n), "port " + RANGE.port(n))
        .start();
  }

  /** A source polled every 1–2 s: {@code n} is its index in the range. */
  private static String poll(int n, String options) {
    return ("server "
            + RANGE.hostPort(n).replace(":", " port ")
            + " iburst minpoll 0 maxpoll 1 "
            + options)
        .strip();
  }

  private static void client(String name, String... config) {
    List<String> lines = new ArrayList<>(List.of(config));
    lines.add("port 0");
    CLIENTS.put(
        name,
        Chronyd.builder(ChronySelectionIT.class, name)
            .config(lines.toArray(String[]::new))
            .start());
  }

  /** The reason served for each source of {@code client}, once they are {@code expected}. */
  private static ScrapedMetrics awaitReasons(
      ExporterProcess exporter, Map<String, String> expected, Consumer<ScrapedMetrics> also) {
    return exporter.awaitScrape(
        CONVERGE,
        s -> {
          Map<String, String> served = new LinkedHashMap<>();
          s.series("clock_source_selection_info")
              .forEach(x -> served.put(x.labels().get("source"), x.labels().get("reason")));
          assertThat(served).containsAllEntriesOf(expected);
          assertThat(s.valueOf("clock_scrape_collector_success", "collector", "chrony"))
              .isEqualTo(1.0);
          also.accept(s);
        });
  }

  private static ScrapedMetrics assertReasons(String client, Map<String, String> expected) {
    return assertReasons(client, expected, s -> {});
  }

  private static ScrapedMetrics assertReasons(
      String client, Map<String, String> expected, Consumer<ScrapedMetrics> also) {
    Chronyd chronyd = CLIENTS.get(client);
    try (ExporterProcess exporter =
        ExporterProcess.forChronyd(ChronySelectionIT.class, chronyd).start()) {
      ScrapedMetrics m = awaitReasons(exporter, expected, also);
      // One reason per source: the info series of a source is never two at once.
      assertThat(m.series("clock_source_selection_info"))
          .extracting(x -> x.labels().get("source"))
          .doesNotHaveDuplicates();
      return m;
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\n" + chronyd.chronyc("selectdata", "-v"), e);
    }
  }

  @Test
  void selectedCombinedUnreachableAndNoselect() {
    ScrapedMetrics m =
        assertReasons(
            "plain",
            Map.of(NOBODY, "unsynchronised", UNSYNCED, "unsynchronised", D, "noselect"),
            // the unsynchronised server's replies arrive (ntpdata counts them; they fail chrony's
            // tests, so reach stays 0); nothing arrives from the silent one
            s -> assertThat(received(s, UNSYNCED)).isPositive());
    assertThat(received(m, NOBODY)).isZero();
    assertThat(reach(m, NOBODY)).isZero();
    // A and B agree: which one is selected is chrony's choice, the other is combined.
    assertThat(List.of(reason(m, A), reason(m, B)))
        .containsExactlyInAnyOrder("selected", "combined");
  }

  private static double reach(ScrapedMetrics m, String source) {
    return m.valueOf("clock_source_reachability", "daemon", "chrony", "source", source);
  }

  private static String reason(ScrapedMetrics m, String source) {
    return m.matching("clock_source_selection_info", "daemon", "chrony", "source", source).stream()
        .map(x -> x.labels().get("reason"))
        .findFirst()
        .orElse("none");
  }

  @Test
  void oneSampleIsTooFewToSelect() {
    assertReasons("slow", Map.of(A, "few_samples"));
  }

  @Test
  void beyondMaxdistanceIsDistant() {
    assertReasons("distant", Map.of(A, "distant", B, "distant"));
  }

  @Test
  void beyondMaxjitterIsJittery() {
    assertReasons("jittery", Map.of(A, "jittery", B, "jittery"));
  }

  @Test
  void orphanStratumAndTooFewSourcesForMinsources() {
    assertReasons("orphan", Map.of(D, "orphan", A, "waits_for_sources", B, "waits_for_sources"));
  }

  @Test
  void disagreeingWithATrustedSourceIsUntrusted() {
    assertReasons("trusting", Map.of(A, "untrusted", B, "untrusted", D, "selected"));
  }

  @Test
  void outvotedIsAFalseticker() {
    assertReasons("outvoted", Map.of(A, "falseticker"));
  }

  @Test
  void anotherPreferredIsNotPreferred() {
    assertReasons("preferring", Map.of(A, "selected", B, "not_preferred"));
  }

  @Test
  void aSourceTakenOfflineCountsAsOfflineAndItsPacketCountersMove() {
    Chronyd chronyd = CLIENTS.get("preferring");
    try (ExporterProcess exporter =
        ExporterProcess.forChronyd(ChronySelectionIT.class, chronyd).start()) {
      ScrapedMetrics before =
          exporter.awaitScrape(
              CONVERGE,
              s -> {
                assertThat(s.valueOf("clock_sources_online", "daemon", "chrony")).isEqualTo(2.0);
                assertThat(received(s, B)).isGreaterThan(0.0);
              });
      // Replies arrive and become measurements: received and accepted both grow.
      ScrapedMetrics later =
          exporter.awaitScrape(
              CONVERGE,
              s -> {
                assertThat(received(s, B)).isGreaterThan(received(before, B));
                assertThat(counter(s, "clock_source_packets_accepted_total", B))
                    .isGreaterThan(counter(before, "clock_source_packets_accepted_total", B));
              });
      assertThat(counter(later, "clock_source_packets_sent_total", B))
          .isGreaterThanOrEqualTo(received(later, B));
      assertThat(later.valueOf("clock_source_delay_seconds", "daemon", "chrony", "source", B))
          .isBetween(0.0, 0.1);
      assertThat(later.valueOf("clock_source_authenticated", "daemon", "chrony", "source", B))
          .isZero();

      chronyd.chronyc("offline", B);
      exporter.awaitScrape(
          CONVERGE,
          s -> {
            assertThat(s.valueOf("clock_sources_online", "daemon", "chrony")).isEqualTo(1.0);
            assertThat(s.valueOf("clock_sources_offline", "daemon", "chrony")).isEqualTo(1.0);
          });
    } finally {
      chronyd.chronyc("online", B);
    }
  }

  @Test
  void overUdpTheSocketOnlyReportsAreRefusedOnceWithOneLogLineAndNothingElseLost() {
    Chronyd chronyd = CLIENTS.get("udp");
    try (ExporterProcess exporter =
        ExporterProcess.builder(ChronySelectionIT.class, "udp")
            .args(
                "--collector.chrony",
                "--collector.chrony.path=" + TestDaemons.get().chronyc(),
                "--collector.chrony.args=-h " + UDP + " -p " + UDP_PORT,
                "--collector.timeout=2s")
            .start()) {
      for (int scrape = 0; scrape < 3; scrape++) {
        ScrapedMetrics m =
            exporter.awaitScrape(
                CONVERGE,
                s -> {
                  assertThat(s.valueOf("clock_scrape_collector_success", "collector", "chrony"))
                      .isEqualTo(1.0);
                  assertThat(
                          s.chronySourceState(A, "selected") + s.chronySourceState(B, "selected"))
                      .isEqualTo(1.0);
                });
        assertThat(m.valueOf("clock_sources_online", "daemon", "chrony")).isEqualTo(2.0);
        assertThat(m.names())
            .doesNotContain(
                "clock_source_selection_info",
                "clock_source_packets_received_total",
                "clock_server_ntp_packets_received_total");
      }
      assertThat(exporter.log().lines().filter(l -> l.contains("refused")))
          .as(exporter.log())
          .singleElement()
          .asString()
          .contains("selectdata, ntpdata, authdata, serverstats", "501 Not authorised", "socket");
    }
    assertThat(chronyd.isAlive()).isTrue();
  }

  private static double received(ScrapedMetrics s, String source) {
    return counter(s, "clock_source_packets_received_total", source);
  }

  private static double counter(ScrapedMetrics s, String name, String source) {
    return s.valueOf(name, "daemon", "chrony", "source", source);
  }
}
