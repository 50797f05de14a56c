package io.clockhealth.exporter.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clockhealth.exporter.testing.Chronyd;
import io.clockhealth.exporter.testing.Cleanup;
import io.clockhealth.exporter.testing.ExporterProcess;
import io.clockhealth.exporter.testing.LoopbackRanges;
import io.clockhealth.exporter.testing.ScrapedMetrics;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /probe} of the built exporter against real chronyd servers on loopback port 123: what it
 * serves for a good server ({@code local stratum 10}), one 73 s fast (libfaketime), an
 * unsynchronised one (leap 3, stratum 0: not a kiss), an address nobody answers on, a name that
 * does not resolve (a socket that reads and never answers stands for the silent server), a
 * responder that sends only garbage and replies with another origin, one that sends such a reply
 * before the right one, and the requests it must refuse (400) — with a second exporter whose {@code
 * allowed_targets} leave one of the servers out.
 */
class ProbeEndpointIT {

  private static final LoopbackRanges RANGE = LoopbackRanges.PROBE_ENDPOINT_IT;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static Chronyd good;
  private static Chronyd fast;
  private static Chronyd unsynced;
  private static ExporterProcess exporter;
  private static ExporterProcess restricted;
  private static DatagramSocket silent;
  private static Responder bogus;
  private static Responder spoofedFirst;

  @BeforeAll
  static void start() throws IOException {
    good = server("good", RANGE.address(0), null, "local stratum 10");
    fast = server("fast", RANGE.address(1), "+73s", "local stratum 10");
    unsynced = server("unsynced", RANGE.address(2), null);
    // Reads requests and never answers: no ICMP "port unreachable" ends the wait early.
    silent = new DatagramSocket(new InetSocketAddress(RANGE.address(8), 123));
    // Answers only what a client must reject: garbage, a short datagram, a reply 73 s fast whose
    // origin is not the request's transmit time (a replay or an off-path guess).
    bogus =
        Responder.start(
            new InetSocketAddress(RANGE.address(3), RANGE.port(3)),
            r ->
                List.of(
                    "HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                    "garbage of a full packet's length"
                        .repeat(2)
                        .getBytes(StandardCharsets.US_ASCII),
                    new byte[47],
                    Replies.datagram(r, r.transmitTime() ^ 1, 73_000_000_000L)));
    // The wrong-origin reply first, the right one (10 s fast) after it: the right one is taken.
    spoofedFirst =
        Responder.start(
            new InetSocketAddress(RANGE.address(4), RANGE.port(4)),
            r ->
                List.of(
                    Replies.datagram(r, r.transmitTime() + 1, 73_000_000_000L),
                    Replies.datagram(r, r.transmitTime(), 10_000_000_000L)));
    exporter =
        ExporterProcess.forProbes(
                ProbeEndpointIT.class,
                "open",
                """
                probe:
                  modules:
                    burst:
                      samples: 3
                      spacing: 200ms
                      timeout: 3s
                    quick:
                      timeout: 800ms
                """)
            .start();
    restricted =
        ExporterProcess.forProbes(
                ProbeEndpointIT.class,
                "restricted",
                "probe:\n  allowed_targets: [\"" + RANGE.address(0) + "/32\", \"localhost\"]\n")
            .start();
  }

  @AfterAll
  static void stop() {
    Cleanup.all(exporter, restricted, good, fast, unsynced, silent, bogus, spoofedFirst);
  }

  private static Chronyd server(String name, String address, String fakeTime, String... lines) {
    Chronyd.Builder b =
        Chronyd.builder(ProbeEndpointIT.class, name)
            .config(lines)
            .config("allow 127.0.0.0/8", "bindaddress " + address, "port 123");
    if (fakeTime != null) {
      b.fakeTime(fakeTime);
    }
    return b.start();
  }

  private static HttpResponse<String> get(ExporterProcess e, String query, String scrapeTimeout)
      throws IOException, InterruptedException {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(e.baseUri().resolve("probe" + query))
            .timeout(Duration.ofSeconds(15));
    if (scrapeTimeout != null) {
      r.header("X-Prometheus-Scrape-Timeout-Seconds", scrapeTimeout);
    }
    return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static ScrapedMetrics probe(String target, String module) throws Exception {
    HttpResponse<String> r =
        get(
            exporter,
            "?target=" + URLEncoder.encode(target, StandardCharsets.UTF_8) + "&module=" + module,
            null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    ScrapedMetrics m = ScrapedMetrics.parse(r.body());
    assertThat(m.names()).allMatch(n -> n.startsWith("clock_probe_"), "only probe series");
    return m;
  }

  @Test
  void aLocalStratum10ServerIsReachableAndRight() throws Exception {
    ScrapedMetrics m = probe(RANGE.address(0), "burst");
    assertThat(m.valueOf("clock_probe_reachable")).isEqualTo(1);
    assertThat(m.valueOf("clock_probe_success")).isEqualTo(1);
    assertThat(m.valueOf("clock_probe_samples")).isEqualTo(3);
    assertThat(m.valueOf("clock_probe_stratum")).isEqualTo(10);
    assertThat(m.valueOf("clock_probe_offset_seconds")).isCloseTo(0.0, within(0.01));
    assertThat(m.valueOf("clock_probe_delay_seconds")).isBetween(0.0, 0.05);
    assertThat(m.valueOf("clock_probe_reference_info", "ref_id", "7F7F0101")).isEqualTo(1);
    assertThat(m.valueOf("clock_probe_leap_status", "status", "normal")).isEqualTo(1);
    assertThat(m.valueOf("clock_probe_leap_status", "status", "unsynchronised")).isZero();
    assertThat(m.has("clock_probe_kiss_code_info")).isFalse();
    // the module's pauses: two of 200 ms
    assertThat(m.valueOf("clock_probe_duration_seconds")).isBetween(0.4, 3.0);
  }

  @Test
  void aServer73SecondsFastIsMinus73() throws Exception {
    ScrapedMetrics m = probe(RANGE.address(1), "ntp");
    assertThat(m.valueOf("clock_probe_success")).isEqualTo(1);
    assertThat(m.valueOf("clock_probe_offset_seconds")).isCloseTo(-73.0, within(0.05));
  }

  @Test
  void anUnsynchronisedServerIsReachableButNotASuccessAndNotAKiss() throws Exception {
    ScrapedMetrics m = probe(RANGE.address(2) + ":123", "ntp");
    assertThat(m.valueOf("clock_probe_reachable")).isEqualTo(1);
    assertThat(m.valueOf("clock_probe_success")).isZero();
    assertThat(m.valueOf("clock_probe_stratum")).isZero();
    assertThat(m.valueOf("clock_probe_leap_status", "status", "unsynchronised")).isEqualTo(1);
    assertThat(m.has("clock_probe_kiss_code_info")).isFalse();
  }

  @Test
  void aSilentAddressIsUnreachableWithinTheModulesAndTheScrapesTimeout() throws Exception {
    ScrapedMetrics m = probe(RANGE.address(8), "quick");
    assertThat(m.valueOf("clock_probe_reachable")).isZero();
    assertThat(m.valueOf("clock_probe_success")).isZero();
    assertThat(m.has("clock_probe_offset_seconds")).isFalse();
    assertThat(m.valueOf("clock_probe_duration_seconds")).isBetween(0.7, 2.0);
    // the default module waits 5 s, a scrape that allows 1.5 s gets its answer in about 1 s
    HttpResponse<String> r = get(exporter, "?target=" + RANGE.address(8), "1.5");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(ScrapedMetrics.parse(r.body()).valueOf("clock_probe_duration_seconds"))
        .isBetween(0.9, 1.4);
  }

  @Test
  void garbageAndRepliesWithAnotherOriginAreNeverTakenForAnAnswer() throws Exception {
    ScrapedMetrics m = probe(RANGE.address(3) + ":" + RANGE.port(3), "quick");
    assertThat(m.valueOf("clock_probe_reachable")).isZero();
    assertThat(m.valueOf("clock_probe_success")).isZero();
    assertThat(m.has("clock_probe_offset_seconds")).as("the bogus -73 s is not served").isFalse();
    assertThat(m.has("clock_probe_stratum")).isFalse();
    // it waited for a real answer until the module's timeout
    assertThat(m.valueOf("clock_probe_duration_seconds")).isBetween(0.7, 2.0);

    ScrapedMetrics right = probe(RANGE.address(4) + ":" + RANGE.port(4), "ntp");
    assertThat(right.valueOf("clock_probe_success")).isEqualTo(1);
    assertThat(right.valueOf("clock_probe_stratum")).isEqualTo(2);
    assertThat(right.valueOf("clock_probe_offset_seconds"))
        .as("the reply to our request, not the one before it")
        .isCloseTo(-10.0, within(0.05));
  }

  @Test
  void aNameThatDoesNotResolveIsUnreachable() throws Exception {
    ScrapedMetrics m = probe("no-such-host.invalid", "quick");
    assertThat(m.valueOf("clock_probe_reachable")).isZero();
    assertThat(m.valueOf("clock_probe_success")).isZero();
  }

  @Test
  void whatCannotBeServedIs400WithAOneLineReason() throws Exception {
    for (String query :
        new String[] {
          "",
          "?target=",
          "?target=host:99999",
          "?target=%5B%3A%3A1",
          "?target=a&module=nope",
          "?target=a&target=b",
          "?target=a&debug=1"
        }) {
      HttpResponse<String> r = get(exporter, query, null);
      assertThat(r.statusCode()).as(query).isEqualTo(400);
      assertThat(r.body().strip()).as(query).doesNotContain("\n").isNotEmpty();
    }
  }

  @Test
  void allowedTargetsLeaveTheOtherServersOut() throws Exception {
    HttpResponse<String> in = get(restricted, "?target=" + RANGE.address(0), null);
    assertThat(in.statusCode()).isEqualTo(200);
    assertThat(ScrapedMetrics.parse(in.body()).valueOf("clock_probe_success")).isEqualTo(1);
    HttpResponse<String> out = get(restricted, "?target=" + RANGE.address(1), null);
    assertThat(out.statusCode()).isEqualTo(400);
    assertThat(out.body()).contains("allowed_targets");
    HttpResponse<String> unresolvable = get(restricted, "?target=no-such-host.invalid", null);
    assertThat(unresolvable.statusCode()).isEqualTo(400);
  }
}
