package io.clockhealth.exporter.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.clockhealth.exporter.testing.Chronyd;
import io.clockhealth.exporter.testing.Cleanup;
import io.clockhealth.exporter.testing.ExporterProcess;
import io.clockhealth.exporter.testing.LoopbackRanges;
import io.clockhealth.exporter.testing.NetNs;
import io.clockhealth.exporter.testing.Ntpd;
import io.clockhealth.exporter.testing.ScrapedMetrics;
import io.clockhealth.exporter.testing.UdpRelay;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /probe} of the built exporter against a real ntpsec {@code ntpd} server, synchronised to a
 * chronyd {@code local stratum 10} behind a veth pair, with ntpd's own {@code restrict default kod
 * limited}: probed right after its start (stratum 0, {@code INIT}: not synchronised, and no kiss),
 * probed once it answers synchronised (stratum 11, its source's address as reference ID), and
 * probed faster than its 2 s guard time, so that it sends a real {@code RATE} Kiss-o'-Death, after
 * which the exporter sends it nothing until the back-off ends.
 *
 * <p>ntpd lives in its own namespace (it binds 127.0.0.1:123 whatever its config says); the
 * exporter stays in the root namespace and reaches it through UDP relays whose far ends are sockets
 * made inside ntpd's namespace. Each relay has its own source address there, so ntpd's rate limit
 * (kept per client address) of one test never touches the other.
 */
class NtpdProbeIT {

  private static final LoopbackRanges RANGE = LoopbackRanges.NTPD_PROBE_IT;
  private static final String NTPD = "10.245.0.1";
  private static final String UPSTREAM = "10.245.0.2";

  /** ntpd's address towards its clients. */
  private static final String NTPD_FOR_CLIENTS = "10.246.0.1";

  /**
   * The clients' addresses, one per relay, in a namespace of their own: ntpd exempts its own
   * interface addresses from every restriction, so its rate limit is seen only from another host.
   */
  private static final String POLITE_CLIENT = "10.246.0.11";

  private static final String HASTY_CLIENT = "10.246.0.12";
  private static final String EARLY_CLIENT = "10.246.0.13";
  private static final Duration CONVERGE = Duration.ofSeconds(60);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static NetNs upstreamNs;
  private static NetNs ntpdNs;
  private static NetNs clientNs;
  private static Chronyd upstream;
  private static Ntpd ntpd;
  private static UdpRelay polite;
  private static UdpRelay hasty;
  private static UdpRelay early;
  private static ExporterProcess exporter;
  private static ScrapedMetrics beforeSynchronised;
  private static String leapAfterFirstProbe;

  @BeforeAll
  static void start() throws Exception {
    upstreamNs = NetNs.create("pbu");
    ntpdNs = NetNs.create("pbn");
    NetNs.veth(ntpdNs, "p0", NTPD + "/24", upstreamNs, "p1", UPSTREAM + "/24");
    clientNs = NetNs.create("pbc");
    NetNs.veth(
        ntpdNs,
        "c0",
        NTPD_FOR_CLIENTS + "/24",
        clientNs,
        "c1",
        POLITE_CLIENT + "/24",
        HASTY_CLIENT + "/24",
        EARLY_CLIENT + "/24");
    upstream =
        Chronyd.builder(NtpdProbeIT.class, "upstream")
            .netns(upstreamNs)
            .config("local stratum 10", "allow 10.245.0.0/24", "bindaddress " + UPSTREAM)
            .start();
    ntpd =
        Ntpd.builder(NtpdProbeIT.class, "ntpd")
            .netns(ntpdNs)
            .listen(NTPD)
            .listen(NTPD_FOR_CLIENTS)
            .server(UPSTREAM)
            // ntpsec 1.2.2 limits by a score per client ("limit", not the classic "discard"):
            // by its defaults ten packets 0.3 s apart are all answered; allowing 0.1 replies a
            // second on average, the third gets RATE (measured with a raw sender).
            .config("limit average 0.1")
            .start();
    // Other hosts to ntpd: its "restrict default kod limited" applies to them.
    polite = relay(0, POLITE_CLIENT);
    hasty = relay(1, HASTY_CLIENT);
    early = relay(2, EARLY_CLIENT);
    exporter =
        ExporterProcess.forProbes(
                NtpdProbeIT.class,
                "prober",
                """
                probe:
                  modules:
                    hasty:
                      samples: 4
                      spacing: 300ms
                      timeout: 4s
                """)
            .start();
    // At once, seconds before ntpd's first clock update (about 7 s after its start).
    beforeSynchronised = probe(2, "ntp");
    leapAfterFirstProbe = ntpd.ntpq("-c", "rv 0 leap", "127.0.0.1");
  }

  @AfterAll
  static void stop() {
    Cleanup.all(exporter, polite, hasty, early, ntpd, upstream, clientNs, ntpdNs, upstreamNs);
  }

  private static UdpRelay relay(int n, String client) {
    return UdpRelay.intoNamespace(
        new InetSocketAddress(RANGE.address(n), RANGE.port(n)),
        clientNs,
        new InetSocketAddress(client, 0),
        new InetSocketAddress(NTPD_FOR_CLIENTS, 123));
  }

  private static ScrapedMetrics probe(int relay, String module) throws Exception {
    URI uri =
        exporter
            .baseUri()
            .resolve(
                "probe?target="
                    + RANGE.address(relay)
                    + ":"
                    + RANGE.port(relay)
                    + "&module="
                    + module);
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return ScrapedMetrics.parse(r.body());
  }

  /** What ntpd counted: its rate-limit and KoD counters, and its clients. */
  private static String ntpdView() {
    return ntpd.ntpq("-c", "sysstats", "127.0.0.1") + ntpd.ntpq("-c", "mrulist", "127.0.0.1");
  }

  /** ntpd's own word that it is synchronised: leap 00 once it has set its clock from a source. */
  private static void awaitNtpdSynchronised() {
    await("ntpd leap=00")
        .atMost(CONVERGE)
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () ->
                assertThat(ntpd.ntpq("-c", "rv 0 leap,stratum", "127.0.0.1"))
                    .as(ntpd::describe)
                    .contains("leap=00"));
  }

  @Test
  void beforeItsFirstSynchronisationNtpdsInitIsUnsynchronisedNotAKiss() {
    assertThat(leapAfterFirstProbe).as("ntpd had not synchronised yet").contains("leap=11");
    ScrapedMetrics m = beforeSynchronised;
    assertThat(m.valueOf("clock_probe_reachable")).isEqualTo(1);
    assertThat(m.valueOf("clock_probe_success")).isZero();
    assertThat(m.valueOf("clock_probe_stratum")).isZero();
    assertThat(m.valueOf("clock_probe_reference_info", "ref_id", "INIT")).isEqualTo(1);
    assertThat(m.valueOf("clock_probe_leap_status", "status", "unsynchronised")).isEqualTo(1);
    assertThat(m.has("clock_probe_kiss_code_info")).as("INIT asks nothing of the client").isFalse();
  }

  @Test
  void aSynchronisedNtpsecServerIsASuccessWithItsSourceAsReference() throws Exception {
    awaitNtpdSynchronised();
    ScrapedMetrics m = probe(0, "ntp");
    assertThat(m.valueOf("clock_probe_reachable")).isEqualTo(1);
    assertThat(m.valueOf("clock_probe_success")).as(m::toString).isEqualTo(1);
    assertThat(m.valueOf("clock_probe_stratum")).isEqualTo(11);
    assertThat(m.valueOf("clock_probe_reference_info", "ref_id", "0AF50002")).isEqualTo(1);
    assertThat(m.valueOf("clock_probe_leap_status", "status", "normal")).isEqualTo(1);
    // ntpd cannot adjust this machine's clock: it keeps the exporter's time
    assertThat(m.valueOf("clock_probe_offset_seconds")).isCloseTo(0.0, within(0.01));
    assertThat(m.has("clock_probe_kiss_code_info")).isFalse();
    assertThat(polite.requests()).as("one sample, one request").isEqualTo(1);
  }

  @Test
  void samplesFasterThanItsGuardTimeGetARealRateKissAndTheExporterBacksOff() throws Exception {
    awaitNtpdSynchronised();
    ScrapedMetrics kissed = probe(1, "hasty");
    assertThat(kissed.has("clock_probe_kiss_code_info", "code", "RATE"))
        .as(() -> kissed + "\nntpd's view:\n" + ntpdView())
        .isTrue();
    int asked = hasty.requests();
    assertThat(asked).as("the burst stops at the kiss").isLessThan(4);

    // Within the back-off: nothing is sent, the kiss is still what is served.
    ScrapedMetrics backingOff = probe(1, "ntp");
    assertThat(hasty.requests()).as("nothing sent while backing off").isEqualTo(asked);
    assertThat(backingOff.valueOf("clock_probe_reachable")).isZero();
    assertThat(backingOff.valueOf("clock_probe_success")).isZero();
    assertThat(backingOff.valueOf("clock_probe_kiss_code_info", "code", "RATE")).isEqualTo(1);
    assertThat(exporter.log()).contains("answered Kiss-o'-Death RATE: not probed for 60 s");
  }
}
