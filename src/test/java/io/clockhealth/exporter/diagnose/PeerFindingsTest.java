package io.clockhealth.exporter.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import io.clockhealth.exporter.collect.ScrapeResult;
import io.clockhealth.exporter.model.LeapStatus;
import io.clockhealth.exporter.model.PeerClockReading;
import io.clockhealth.exporter.model.ProbeReport;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Probed time servers and the Prometheus server's clock, judged against this host's. */
class PeerFindingsTest {

  private static final ScrapeResult NOTHING = new ScrapeResult(0, List.of());

  private static ProbeReport.Reply reply(
      double offset, double delay, int stratum, LeapStatus leap) {
    return new ProbeReport.Reply(
        offset, delay, stratum, 1e-6, 1e-3, 1e-3, delay / 2 + 2e-3, 10.0, leap, "7F7F0101");
  }

  private static Finding only(List<ProbedServer> probes, @Nullable PeerClockReading prometheus) {
    List<Finding> findings =
        PeerFindings.of(new Examination(NOTHING, Role.CLIENT, probes, prometheus));
    assertThat(findings).hasSize(1);
    return findings.get(0);
  }

  private static Finding probe(ProbeReport report) {
    return only(List.of(new ProbedServer("time.lan:123", report, null)), null);
  }

  @Test
  void aServer73SecondsAheadIsCriticalAndSaysThisHostIsBehind() {
    Finding f =
        probe(
            new ProbeReport(true, true, 0.01, 4, reply(-73.0, 0.002, 11, LeapStatus.NORMAL), null));
    assertThat(f.id()).isEqualTo("probe-clock-differs");
    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(f.summary()).isEqualTo("This host's clock is 73.000 s behind time.lan:123's.");
    assertThat(f.evidence()).startsWith("this host − time.lan:123: -73.000 s (± 1.000 ms");
    assertThat(f.fix()).contains("server time.lan iburst").contains("chronyc makestep");
  }

  @Test
  void onlyWhatExceedsHalfTheRoundTripCounts() {
    // 60 ms off over a 40 ms round trip: at most 40 ms wrong, within the 50 ms warning
    assertThat(
            probe(
                    new ProbeReport(
                        true, true, 0.05, 4, reply(0.06, 0.04, 2, LeapStatus.NORMAL), null))
                .id())
        .isEqualTo("probe-clock-agrees");
    Finding warning =
        probe(new ProbeReport(true, true, 0.05, 4, reply(0.2, 0.04, 2, LeapStatus.NORMAL), null));
    assertThat(warning.id()).isEqualTo("probe-clock-differs");
    assertThat(warning.severity()).isEqualTo(Severity.WARNING);
    assertThat(warning.summary()).contains("200.000 ms ahead of");
  }

  @Test
  void silenceKissesAndUnsynchronisedServersEachHaveTheirFinding() {
    assertThat(probe(new ProbeReport(false, false, 2.0, 4, null, null)).id())
        .isEqualTo("probe-unreachable");
    Finding kiss = probe(new ProbeReport(true, false, 0.01, 1, null, "RATE"));
    assertThat(kiss.id()).isEqualTo("probe-kiss-of-death");
    assertThat(kiss.summary()).contains("RATE");
    Finding unsync =
        probe(
            new ProbeReport(
                true, false, 0.01, 4, reply(0.0, 0.001, 16, LeapStatus.UNSYNCHRONISED), null));
    assertThat(unsync.id()).isEqualTo("probe-unsynchronised");
    assertThat(unsync.evidence()).contains("stratum 16");
    assertThat(only(List.of(new ProbedServer("x", null, "no such module")), null).id())
        .isEqualTo("probe-refused");
  }

  @Test
  void thePrometheusServersClockIsTheSeedIncidentsNumber() {
    Finding f = only(List.of(), new PeerClockReading("http://prom:9090", -73.2, 0.004, null));
    assertThat(f.id()).isEqualTo("prometheus-clock-differs");
    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(f.summary())
        .isEqualTo("This host's clock is 73.200 s behind the Prometheus server's.");
    assertThat(f.why()).contains("Detected N seconds time difference");
    assertThat(
            only(List.of(), new PeerClockReading("http://prom:9090", 0.003, 0.004, null))
                .severity())
        .isEqualTo(Severity.OK);
    Finding unreachable =
        only(List.of(), PeerClockReading.failed("http://prom:9090", "ConnectException: refused"));
    assertThat(unreachable.id()).isEqualTo("prometheus-unreachable");
    assertThat(unreachable.evidence()).isEqualTo("ConnectException: refused");
  }

  @Test
  void theDoctorAddsThemToTheCollectionsFindingsWorstFirst() {
    List<Finding> findings =
        Doctor.examine(
            new Examination(
                NOTHING,
                Role.CLIENT,
                List.of(
                    new ProbedServer("a", new ProbeReport(false, false, 2, 4, null, null), null)),
                new PeerClockReading("http://p", 80.0, 0.01, null)));
    assertThat(findings.stream().map(Finding::id))
        .containsExactly("prometheus-clock-differs", "probe-unreachable");
  }
}
