package io.clockhealth.exporter.collect.chrony;

import static org.assertj.core.api.Assertions.assertThat;

import io.clockhealth.exporter.testing.Chronyd;
import io.clockhealth.exporter.testing.ExporterProcess;
import io.clockhealth.exporter.testing.LoopbackRanges;
import io.clockhealth.exporter.testing.ScrapedMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code --collector.chrony.clients} against a real chronyd server with {@code ratelimit}, polled
 * by three real chronyd clients from addresses of their own ({@code bindacqaddress}): two every 8
 * s, one four times a second, which the server rate-limits. The served aggregates and per-client
 * series are compared with what {@code chronyc -c clients} itself prints.
 *
 * <p>Loopback addresses: {@link LoopbackRanges#CHRONY_CLIENTS_IT}; the server on address/port 0,
 * the clients' sources on addresses 1, 2 (the greedy one) and 3.
 */
class ChronyClientsIT {

  private static final LoopbackRanges RANGE = LoopbackRanges.CHRONY_CLIENTS_IT;
  private static final String GREEDY = RANGE.address(2);
  private static final Duration SEEN = Duration.ofSeconds(45);

  private static Chronyd server;
  private static final List<Chronyd> CLIENTS = new ArrayList<>();

  @BeforeAll
  static void startDaemons() {
    // On average one request per 4 s (interval 2, log2), no burst beyond one.
    server =
        Chronyd.builder(ChronyClientsIT.class, "server")
            .localServer(RANGE.address(0), RANGE.port(0))
            .config("ratelimit interval 2 burst 1")
            .start();
    CLIENTS.add(client("polite1", 1, "minpoll 3 maxpoll 3"));
    CLIENTS.add(client("greedy", 2, "minpoll -2 maxpoll -2"));
    CLIENTS.add(client("polite3", 3, "minpoll 3 maxpoll 3"));
  }

  @AfterAll
  static void stopDaemons() {
    CLIENTS.forEach(Chronyd::stop);
    if (server != null) {
      server.stop();
    }
  }

  private static Chronyd client(String name, int source, String poll) {
    return Chronyd.builder(ChronyClientsIT.class, name)
        .config(
            "server " + RANGE.address(0) + " port " + RANGE.port(0) + " " + poll,
            "bindacqaddress " + RANGE.address(source),
            "port 0")
        .start();
  }

  @Test
  void clientsAreCountedAndTheRateLimitedOneShowsWithItsDrops() {
    try (ExporterProcess exporter =
        ExporterProcess.forChronyd(ChronyClientsIT.class, server)
            .args("--collector.chrony.clients", "--collector.chrony.clients.per-client=2")
            .start()) {
      ScrapedMetrics m =
          exporter.awaitScrape(
              SEEN,
              s -> {
                assertThat(s.valueOf("clock_scrape_collector_success", "collector", "chrony"))
                    .isEqualTo(1.0);
                assertThat(clients(s, "clock_server_clients")).isEqualTo(3.0);
                assertThat(clients(s, "clock_server_clients_rate_limited")).isEqualTo(1.0);
                assertThat(perClient(s, "clock_server_client_requests_dropped", GREEDY))
                    .isGreaterThan(0.0);
              });
      // The oracle: chronyc's own client log, read after the scrape (counters only grow).
      List<String[]> printed = clientLog();
      assertThat(printed)
          .extracting(f -> f[0])
          .contains(RANGE.address(1), GREEDY, RANGE.address(3));
      String[] greedy = row(printed, GREEDY).orElseThrow();
      assertThat(perClient(m, "clock_server_client_requests", GREEDY))
          .isPositive()
          .isLessThanOrEqualTo(Double.parseDouble(greedy[1]));
      assertThat(perClient(m, "clock_server_client_requests_dropped", GREEDY))
          .isLessThanOrEqualTo(Double.parseDouble(greedy[2]));
      for (int polite : new int[] {1, 3}) {
        assertThat(row(printed, RANGE.address(polite)).orElseThrow()[2])
            .as("drops of the client polling every 8 s")
            .isEqualTo("0");
      }
      // The greedy client's mean interval (2^-2 s) is far below the polite ones' (2^3 s).
      assertThat(perClient(m, "clock_server_client_request_interval_seconds", GREEDY))
          .isLessThan(1.0);
      // per-client=2: the two busiest only, the greedy one first among them.
      assertThat(m.matching("clock_server_client_requests", "protocol", "ntp")).hasSize(2);
      assertThat(
              m.valueOf(
                  "clock_server_clients_last_request_age_seconds_count",
                  "daemon",
                  "chrony",
                  "protocol",
                  "ntp"))
          .isEqualTo(3.0);
      assertThat(
              m.valueOf(
                  "clock_server_clients_request_interval_seconds_bucket",
                  "daemon",
                  "chrony",
                  "protocol",
                  "ntp",
                  "le",
                  "1.0"))
          .isGreaterThanOrEqualTo(1.0);
    }
  }

  @Test
  void withoutTheFlagNoClientSeriesAreServed() {
    try (ExporterProcess exporter =
        ExporterProcess.forChronyd(ChronyClientsIT.class, server).start()) {
      ScrapedMetrics m =
          exporter.awaitScrape(
              SEEN,
              s ->
                  assertThat(s.valueOf("clock_scrape_collector_success", "collector", "chrony"))
                      .isEqualTo(1.0));
      // (serverstats' clock_server_client_log_records_dropped_total is not the client log's)
      assertThat(m.names())
          .noneMatch(n -> n.startsWith("clock_server_clients") || n.contains("_client_request"));
      assertThat(m.names()).contains("clock_server_ntp_packets_received_total");
    }
  }

  private static double clients(ScrapedMetrics s, String name) {
    return s.valueOf(name, "daemon", "chrony", "protocol", "ntp");
  }

  private static double perClient(ScrapedMetrics s, String name, String client) {
    return s.valueOf(name, "daemon", "chrony", "client", client, "protocol", "ntp");
  }

  private static List<String[]> clientLog() {
    return server.chronyc("-c", "clients").lines().map(l -> l.split(",")).toList();
  }

  private static Optional<String[]> row(List<String[]> rows, String address) {
    return rows.stream().filter(f -> f[0].equals(address)).findFirst();
  }
}
