package io.clockhealth.exporter.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clockhealth.exporter.testing.Chronyd;
import io.clockhealth.exporter.testing.Cleanup;
import io.clockhealth.exporter.testing.Exec;
import io.clockhealth.exporter.testing.LoopbackRanges;
import io.clockhealth.exporter.testing.TestDaemons;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The probe against real chronyd servers on loopback, NTP's port 123, and against an independent
 * oracle: ntpsec's SNTP client {@code ntpdig} asking the same servers (under {@code setpriv
 * --bounding-set=-sys_time}, and without {@code -S}/{@code -s} it only prints). ntpdig prints the
 * correction (server − this host), the probe this host − the server: they must agree within 1 ms
 * with the sign flipped. Servers: {@code local} serves its own clock ({@code local stratum 10}),
 * {@code fast} the same 73 s ahead (libfaketime), {@code unsynced} has neither a source nor {@code
 * local}: chronyd then answers with leap 3 and stratum 0, which is not a Kiss-o'-Death.
 */
class NtpProbeIT {

  private static final LoopbackRanges RANGE = LoopbackRanges.NTP_PROBE_IT;
  private static final int NTP_PORT = 123;
  private static final double ORACLE_AGREEMENT = 0.001;
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Chronyd local;
  private static Chronyd fast;
  private static Chronyd unsynced;

  private final Prober prober =
      new Prober(NtpClient.system()::exchange, d -> Thread.sleep(d.toMillis()));

  @BeforeAll
  static void start() {
    local = server("local", RANGE.address(0), null, "local stratum 10");
    fast = server("fast", RANGE.address(1), "+73s", "local stratum 10");
    unsynced = server("unsynced", RANGE.address(2), null);
  }

  @AfterAll
  static void stop() {
    Cleanup.all(local, fast, unsynced);
  }

  private static Chronyd server(String name, String address, String fakeTime, String... lines) {
    Chronyd.Builder b =
        Chronyd.builder(NtpProbeIT.class, name)
            .config(lines)
            .config("allow 127.0.0.0/8", "bindaddress " + address, "port " + NTP_PORT);
    if (fakeTime != null) {
      b.fakeTime(fakeTime);
    }
    return b.start();
  }

  private Prober.Result probe(int n) throws InterruptedException {
    return prober.probe(
        new InetSocketAddress(RANGE.address(n), NTP_PORT),
        new ProbeModule(4, 3, Duration.ofMillis(200), Duration.ofSeconds(5)));
  }

  /** ntpdig's JSON answer for the server at {@code address}. */
  private static JsonNode ntpdig(String address) throws IOException {
    TestDaemons d = TestDaemons.get();
    Exec.Result r =
        Exec.run(
            Duration.ofSeconds(20),
            Map.of("PYTHONPATH", d.pythonNtp().toString()),
            List.of(
                "setpriv",
                "--bounding-set=-sys_time",
                "--",
                TestDaemons.PYTHON3.toString(),
                d.ntpdig().toString(),
                "-j",
                "-t",
                "5",
                address));
    assertThat(r.ok()).as(r::toString).isTrue();
    return JSON.readTree(
        r.output().lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow());
  }

  /**
   * Ours (this host − server) against ntpdig's (server − this host), measured back to back. One
   * ntpdig sample can be a millisecond off by itself (it is Python: the reply's arrival is read
   * late), so up to five pairs are taken; an error of ours beyond 1 ms would show in every pair.
   */
  private void assertAgreesWithNtpdig(int server) throws Exception {
    List<String> pairs = new java.util.ArrayList<>();
    for (int round = 0; round < 5; round++) {
      double ours = probe(server).best().orElseThrow().offsetSeconds();
      double theirs = ntpdig(RANGE.address(server)).path("offset").asDouble();
      if (Math.abs(ours + theirs) <= ORACLE_AGREEMENT) {
        return;
      }
      pairs.add("ours " + ours + ", ntpdig's " + theirs);
    }
    throw new AssertionError("never within 1 ms of ntpdig (sign flipped): " + pairs);
  }

  @Test
  void aLocalStratum10ServerIsAUsableSourceAndAgreesWithNtpdig() throws Exception {
    Prober.Result r = probe(0);
    assertThat(r.success()).as(r::toString).isTrue();
    ProbeSample s = r.best().orElseThrow();
    assertThat(s.reply().stratum()).isEqualTo(10);
    assertThat(s.reply().referenceIdText()).isEqualTo("7F7F0101");
    assertThat(s.offsetSeconds()).isCloseTo(0.0, within(0.01));
    assertAgreesWithNtpdig(0);
  }

  @Test
  void aServer73SecondsFastIsMinus73AndAgreesWithNtpdig() throws Exception {
    Prober.Result r = probe(1);
    assertThat(r.success()).as(r::toString).isTrue();
    ProbeSample s = r.best().orElseThrow();
    assertThat(s.offsetSeconds()).isCloseTo(-73.0, within(0.05));
    assertThat(ntpdig(RANGE.address(1)).path("offset").asDouble()).isCloseTo(73.0, within(0.05));
    assertAgreesWithNtpdig(1);
  }

  @Test
  void anUnsynchronisedServerAnswersButIsNoSourceAndNoKiss() throws Exception {
    Prober.Result r = probe(2);
    assertThat(r.reachable()).isTrue();
    assertThat(r.success()).isFalse();
    assertThat(r.kissCode()).isEmpty();
    NtpPacket reply = r.best().orElseThrow().reply();
    assertThat(reply.leap()).isEqualTo(3);
    assertThat(reply.stratum()).isZero();
    assertThat(r.best().orElseThrow().problems())
        .contains("leap indicator 3: the server is not synchronised");
  }

  @Test
  void aPortNobodyAnswersOnIsUnreachableWithinTheTimeout() throws Exception {
    Prober.Result r =
        prober.probe(
            new InetSocketAddress(RANGE.address(8), NTP_PORT),
            new ProbeModule(4, 1, Duration.ofMillis(200), Duration.ofMillis(800)));
    assertThat(r.reachable()).isFalse();
    assertThat(r.failure()).isNotNull();
  }
}
