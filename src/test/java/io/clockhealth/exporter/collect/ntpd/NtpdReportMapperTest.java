package io.clockhealth.exporter.collect.ntpd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clockhealth.exporter.model.LeapStatus;
import io.clockhealth.exporter.model.SourceMode;
import io.clockhealth.exporter.model.SourceState;
import io.clockhealth.exporter.model.SourceStatus;
import io.clockhealth.exporter.model.SystemStatus;
import io.clockhealth.exporter.parse.Fixtures;
import io.clockhealth.exporter.parse.ParseException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NtpdReportMapperTest {

  private static final double EPS = 1e-12;

  private final NtpqPeersParser peersParser = new NtpqPeersParser();
  private final NtpqSysVarsParser sysVarsParser = new NtpqSysVarsParser();

  @Test
  void syncedNtpsecSystemInBaseUnitsAndLocalMinusReference() throws Exception {
    SystemStatus s = fromCaptures("3src-rv.txt", "3src-p.txt");
    assertThat(s.synchronized_()).isTrue();
    // ntpq offset=-0.006503 ms (server minus local) ⇒ the local clock is 6.503 µs ahead.
    assertThat(s.offsetSeconds()).isCloseTo(6.503e-6, within(EPS));
    assertThat(s.rootDelaySeconds()).isCloseTo(5e-5, within(EPS));
    assertThat(s.rootDispersionSeconds()).isCloseTo(1.015e-3, within(EPS));
    assertThat(s.jitterSeconds()).isCloseTo(2.5408e-5, within(EPS));
    // frequency=0.0 stays an unsigned zero after negation.
    assertThat(s.frequencyPpm()).isEqualTo(0.0);
    assertThat(s.pollIntervalSeconds()).isEqualTo(1.0);
    assertThat(s.stratum()).isEqualTo(11);
    assertThat(s.refId()).isEqualTo("10.232.0.3");
    assertThat(s.reference()).isEqualTo("10.232.0.3");
    assertThat(s.localReference()).isFalse();
    assertThat(s.leapStatus()).isEqualTo(LeapStatus.NORMAL);
    assertThat(s.referenceTimestampSeconds())
        .isCloseTo(
            Instant.parse("2026-11-21T12:26:06.926Z").toEpochMilli() / 1000.0, within(0.001));
    assertThat(s.maxErrorSeconds()).isCloseTo(6.503e-6 + 1.015e-3 + 2.5e-5, within(EPS));
  }

  @Test
  void justStartedNtpsecIsNotSynchronised() throws Exception {
    SystemStatus s = fromCaptures("3src-rv-at-start.txt", "3src-p-at-start.txt");
    assertThat(s.synchronized_()).isFalse();
    assertThat(s.leapStatus()).isEqualTo(LeapStatus.UNSYNCHRONISED);
    assertThat(s.stratum()).isEqualTo(16);
    assertThat(s.refId()).isEqualTo("INIT");
    assertThat(s.reference()).isEmpty();
    assertThat(s.referenceTimestampSeconds()).isNull();
    assertThat(s.offsetSeconds()).isEqualTo(0.0);
  }

  @Test
  void afterTheSystemPeerDiedThereIsNoReferenceAndNoSync() throws Exception {
    SystemStatus s = fromCaptures("after-kill-rv.txt", "after-kill-p.txt");
    // leap=00 and stratum 11 stay after the sys.peer is lost; peer=0 says it is gone.
    assertThat(s.synchronized_()).isFalse();
    assertThat(s.refId()).isEqualTo("10.232.0.3");
    assertThat(s.reference()).isEmpty();
  }

  @Test
  void onlySourceSeventyThreeSecondsAheadIsANegativeSourceOffset() throws Exception {
    List<SourceStatus> sources =
        NtpdReportMapper.sources(peersParser.parse(Fixtures.NTPQ.capture("1src73-p.txt")));
    // ntpq prints +73000.04 ms: the server is ahead, so the local clock is 73 s behind it.
    assertThat(sources)
        .singleElement()
        .satisfies(
            src -> {
              assertThat(src.source()).isEqualTo("10.235.0.2");
              assertThat(src.offsetSeconds()).isCloseTo(-73.00004, within(EPS));
              assertThat(src.state()).isEqualTo(SourceState.SELECTED);
            });
    SystemStatus s = fromCaptures("1src73-rv.txt", "1src73-p.txt");
    assertThat(s.synchronized_()).isFalse();
    assertThat(s.rootDispersionSeconds()).isCloseTo(73.43758, within(EPS));
  }

  @Test
  void threeSourcesMapToStatesModesAndBaseUnits() throws Exception {
    List<SourceStatus> sources =
        NtpdReportMapper.sources(peersParser.parse(Fixtures.NTPQ.capture("3src-p.txt")));
    assertThat(sources)
        .extracting(SourceStatus::source)
        .containsExactly("10.232.0.2", "10.232.0.3", "10.232.0.4");
    assertThat(sources)
        .extracting(SourceStatus::state)
        .containsExactly(SourceState.COMBINED, SourceState.SELECTED, SourceState.FALSETICKER);
    SourceStatus first = sources.get(0);
    assertThat(first.mode()).isEqualTo(SourceMode.SERVER);
    assertThat(first.refId()).isEqualTo("127.127.1.1");
    assertThat(first.stratum()).isEqualTo(10);
    assertThat(first.offsetSeconds()).isCloseTo(7.6e-6, within(EPS));
    assertThat(first.delaySeconds()).isCloseTo(2.25e-5, within(EPS));
    assertThat(first.jitterSeconds()).isCloseTo(5.4e-6, within(EPS));
    assertThat(first.pollIntervalSeconds()).isEqualTo(1.0);
    assertThat(first.reachability()).isEqualTo(255);
    assertThat(first.lastSampleAgeSeconds()).isNull();
    assertThat(sources.get(1).lastSampleAgeSeconds()).isEqualTo(1.0);
    assertThat(sources.get(2).offsetSeconds()).isCloseTo(-73.00004, within(EPS));
    assertThat(first.offsetErrorSeconds()).isNull();
    assertThat(first.samples()).isNull();
  }

  @Test
  void deadSourceIsUnusableWithItsAge() throws Exception {
    SourceStatus dead =
        NtpdReportMapper.sources(peersParser.parse(Fixtures.NTPQ.capture("after-kill-p.txt")))
            .get(1);
    assertThat(dead.state()).isEqualTo(SourceState.UNUSABLE);
    assertThat(dead.reachability()).isZero();
    assertThat(dead.lastSampleAgeSeconds()).isEqualTo(41.0);
    assertThat(dead.pollIntervalSeconds()).isEqualTo(2.0);
  }

  @Test
  void leapSecondPendingAndFrequencySign() throws Exception {
    SystemStatus s = system(Fixtures.NTPQ.corpus("ntpd428p3-leapsmear-rv-leap-add-sec.txt"), null);
    assertThat(s.leapStatus()).isEqualTo(LeapStatus.INSERT_SECOND);
    assertThat(s.synchronized_()).isTrue();
    // ntpd's frequency is its correction (+44.627 ppm speeds the clock up: it runs slow).
    assertThat(s.frequencyPpm()).isCloseTo(-44.627, within(EPS));
    assertThat(s.offsetSeconds()).isCloseTo(9.7015e-5, within(EPS));
    assertThat(s.jitterSeconds()).isCloseTo(3.815e-6, within(EPS));
    assertThat(s.pollIntervalSeconds()).isEqualTo(8.0);
    assertThat(s.refId()).isEqualTo("MRS");
    assertThat(s.reference()).isEmpty();
  }

  @Test
  void oldNamesMapLikeTheCurrentOnes() throws Exception {
    SystemStatus s =
        system(
            Fixtures.NTPQ.corpus("ntpdoc424-debug-rv-ntpd4099j4.txt"),
            Fixtures.NTPQ.corpus("ntpdoc424-debug-peers-narrow-columns.txt"));
    assertThat(s.offsetSeconds()).isCloseTo(-0.000179, within(EPS));
    assertThat(s.rootDispersionSeconds()).isCloseTo(0.012532, within(EPS));
    assertThat(s.jitterSeconds()).isCloseTo(0.000022, within(EPS));
    assertThat(s.pollIntervalSeconds()).isEqualTo(64.0);
    assertThat(s.refId()).isEqualTo("pogo.udel.edu");
    assertThat(s.reference()).isEqualTo("pogo.udel.edu");
  }

  @Test
  void ppsPeerWithTallyOIsTheReference() throws Exception {
    SystemStatus s =
        system(
            Fixtures.NTPQ.corpus("ntpfaq-ntpd4099k-rv-sync-atomic-pps.txt"),
            Fixtures.NTPQ.corpus("ntpfaq-ntpd4099k-peers-o-tally-pps.txt"));
    assertThat(s.reference()).isEqualTo("PPS(1)");
    assertThat(s.refId()).isEqualTo("PPS");
  }

  @Test
  void unsynchronisedOldNtpdHasNoReferenceTime() throws Exception {
    SystemStatus s = system(Fixtures.NTPQ.corpus("ntpfaq-ntpd420a-rl-unsync-leap11.txt"), null);
    assertThat(s.synchronized_()).isFalse();
    assertThat(s.leapStatus()).isEqualTo(LeapStatus.UNSYNCHRONISED);
    assertThat(s.referenceTimestampSeconds()).isNull();
  }

  @Test
  void onlyTheLeapVariableLeavesSynchronisationUnknown() throws Exception {
    SystemStatus s = system(Fixtures.NTPQ.corpus("insights-rv0-leap-assid-status.txt"), null);
    assertThat(s.leapStatus()).isEqualTo(LeapStatus.NORMAL);
    assertThat(s.synchronized_()).isNull();
    assertThat(s.offsetSeconds()).isNull();
    assertThat(s.refId()).isNull();
    assertThat(s.localReference()).isFalse();
  }

  @ParameterizedTest(name = "refid={0}, system peer {1}")
  @CsvSource({
    "LOCL, 192.0.2.1, true",
    ".LOCL., 192.0.2.1, true",
    "LOCAL, 192.0.2.1, true",
    "10.0.0.1, 127.127.1.0, true",
    "10.0.0.1, LOCAL(0), true",
    "GPS, GENERIC(1), false",
    "192.0.2.1, 192.0.2.1, false"
  })
  void localClockReference(String refid, String systemPeer, boolean local) throws Exception {
    NtpqSysVars vars =
        sysVarsParser.parse("associd=0 status=0615\nleap=00, stratum=11, refid=" + refid + "\n");
    String peers =
        "     remote           refid      st t when poll reach   delay   offset  jitter\n"
            + String.format(
                "*%-15s .LOCL.          10 l   12   64  377    0.000    0.000   0.000%n",
                systemPeer);
    assertThat(NtpdReportMapper.system(vars, peersParser.parse(peers)).localReference())
        .isEqualTo(local);
  }

  @Test
  void localClockThatIsNotTheSystemPeerIsNotALocalReference() throws Exception {
    SystemStatus s =
        NtpdReportMapper.system(
            sysVarsParser.parse("associd=0 status=0615\nleap=00, stratum=3, refid=192.189.54.17\n"),
            peersParser.parse(Fixtures.NTPQ.corpus("ntpmon-ntpq-pn-pool-locl.txt")));
    assertThat(s.reference()).isEqualTo("192.189.54.17");
    assertThat(s.localReference()).isFalse();
  }

  @ParameterizedTest(name = "tally ''{0}''")
  @CsvSource(
      quoteCharacter = '"',
      value = {
        "*, SELECTED",
        "o, SELECTED",
        "+, COMBINED",
        "-, NOT_COMBINED",
        "#, NOT_COMBINED",
        "., NOT_COMBINED",
        "x, FALSETICKER",
        "\" \", UNUSABLE"
      })
  void tallyToState(String tally, SourceState state) {
    assertThat(NtpdReportMapper.state(tally.charAt(0))).isEqualTo(state);
  }

  @ParameterizedTest(name = "t={0}")
  @CsvSource({
    "u, SERVER",
    "8, SERVER",
    "0, SERVER",
    "l, REFCLOCK",
    "p, POOL",
    "b, BROADCAST",
    "B, BROADCAST",
    "m, BROADCAST",
    "M, BROADCAST",
    "s, PEER",
    "S, PEER",
    "a, OTHER",
    "?, OTHER"
  })
  void typeToMode(char type, SourceMode mode) {
    assertThat(NtpdReportMapper.mode(type)).isEqualTo(mode);
  }

  @ParameterizedTest(name = "leap {0}")
  @CsvSource({"0, NORMAL", "1, INSERT_SECOND", "2, DELETE_SECOND", "3, UNSYNCHRONISED"})
  void leapIndicatorToStatus(int leap, LeapStatus status) {
    assertThat(NtpdReportMapper.leapStatus(leap)).isEqualTo(status);
  }

  @Test
  void synchronisedNeedsLeapAndStratum() {
    assertThat(NtpdReportMapper.synchronised(0, 15, null)).isTrue();
    assertThat(NtpdReportMapper.synchronised(3, 2, null)).isFalse();
    assertThat(NtpdReportMapper.synchronised(0, 16, null)).isFalse();
    assertThat(NtpdReportMapper.synchronised(3, null, null)).isFalse();
    assertThat(NtpdReportMapper.synchronised(null, 16, null)).isFalse();
    assertThat(NtpdReportMapper.synchronised(0, null, null)).isNull();
    assertThat(NtpdReportMapper.synchronised(null, null, null)).isNull();
    // After its system peer is lost ntpd keeps leap 00 and its stratum; peer=0 tells.
    assertThat(NtpdReportMapper.synchronised(0, 11, 0)).isFalse();
    assertThat(NtpdReportMapper.synchronised(0, 11, 17768)).isTrue();
  }

  @Test
  void hugeAndPrecisionReducedOffsetsConvert() throws Exception {
    List<SourceStatus> freebsd =
        NtpdReportMapper.sources(
            peersParser.parse(Fixtures.NTPQ.corpus("jc-freebsd12-ntpq-p.txt")));
    assertThat(freebsd.get(1).offsetSeconds()).isCloseTo(-1589.483, within(EPS));
    assertThat(freebsd.get(0).mode()).isEqualTo(SourceMode.POOL);
    assertThat(freebsd.get(0).offsetSeconds()).isEqualTo(0.0);
    SourceStatus shm =
        NtpdReportMapper.sources(
                peersParser.parse(Fixtures.NTPQ.corpus("ntpsec-doc-quick-ntpq-p-shm-gps-pps.txt")))
            .get(0);
    assertThat(shm.mode()).isEqualTo(SourceMode.REFCLOCK);
    assertThat(shm.state()).isEqualTo(SourceState.FALSETICKER);
    assertThat(shm.offsetSeconds()).isCloseTo(0.59141, within(EPS));
  }

  @Test
  void ntsServersInTheWideLayoutAreServers() throws Exception {
    List<SourceStatus> sources =
        NtpdReportMapper.sources(
            peersParser.parse(Fixtures.NTPQ.corpus("ntpsec-doc-nts-ntpq-p-wide.txt")));
    assertThat(sources)
        .filteredOn(src -> src.source().endsWith("rellim.com"))
        .extracting(SourceStatus::mode)
        .containsOnly(SourceMode.SERVER);
    assertThat(sources.get(6).source()).isEqualTo("2407:8000:8001:80::8");
    assertThat(sources.get(6).refId()).isEqualTo(".DNS.");
  }

  private SystemStatus fromCaptures(String rvFile, String peersFile) throws ParseException {
    return system(Fixtures.NTPQ.capture(rvFile), Fixtures.NTPQ.capture(peersFile));
  }

  /** The system view of an rv output, with the peers output when there is one (else none). */
  private SystemStatus system(String rvText, String peersText) throws ParseException {
    NtpqSysVars vars = sysVarsParser.parse(rvText);
    List<NtpqPeer> peers = peersText == null ? List.of() : peersParser.parse(peersText);
    return NtpdReportMapper.system(vars, peers);
  }
}
