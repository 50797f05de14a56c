package io.clockhealth.exporter.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import io.clockhealth.exporter.collect.CollectionResult;
import io.clockhealth.exporter.collect.CollectorOutcome;
import io.clockhealth.exporter.collect.HostCollection;
import io.clockhealth.exporter.collect.HostOutcome;
import io.clockhealth.exporter.collect.ScrapeResult;
import io.clockhealth.exporter.collect.chrony.ChronyFormats;
import io.clockhealth.exporter.collect.chrony.ChronyReportMapper;
import io.clockhealth.exporter.model.ClockSteps;
import io.clockhealth.exporter.model.Daemon;
import io.clockhealth.exporter.model.DaemonReport;
import io.clockhealth.exporter.model.HostClock;
import io.clockhealth.exporter.model.KernelClock;
import io.clockhealth.exporter.model.KernelTimeState;
import io.clockhealth.exporter.model.PtpPort;
import io.clockhealth.exporter.model.PtpPortState;
import io.clockhealth.exporter.model.PtpStatus;
import io.clockhealth.exporter.model.RtcClock;
import io.clockhealth.exporter.model.SourceStatus;
import io.clockhealth.exporter.model.SystemStatus;
import io.clockhealth.exporter.parse.FixtureFiles;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The findings engine on captured chronyc outputs of the lab and constructed host clocks. */
class DoctorTest {

  private static final String CAPTURES = "captures/chrony/";

  /** A chrony collection from captured {@code -c tracking} and {@code -c sources}/selectdata. */
  private static DaemonReport chrony(
      String tracking, @Nullable String sources, @Nullable String selectdata) throws Exception {
    SystemStatus system =
        ChronyReportMapper.system(
            ChronyFormats.TRACKING.parse(FixtureFiles.read(CAPTURES + tracking)));
    List<SourceStatus> rows = new ArrayList<>();
    if (sources != null) {
      rows.addAll(
          ChronyReportMapper.sources(
              ChronyFormats.SOURCES.parse(FixtureFiles.read(CAPTURES + sources)),
              List.of(),
              selectdata == null
                  ? List.of()
                  : ChronyFormats.SELECTDATA.parse(FixtureFiles.read(CAPTURES + selectdata)),
              List.of(),
              List.of()));
    }
    return new DaemonReport(Daemon.CHRONY, true, system, rows, List.of());
  }

  private static ScrapeResult scrape(HostClock host, DaemonReport... reports) {
    List<CollectorOutcome> outcomes = new ArrayList<>();
    for (DaemonReport r : reports) {
      outcomes.add(new CollectorOutcome(r.daemon().label(), new CollectionResult(true, r), 0.01));
    }
    return new ScrapeResult(0, new HostOutcome(new HostCollection(true, host), 0.01), outcomes);
  }

  private static HostClock running(String... processes) {
    return new HostClock(
        new KernelClock(KernelTimeState.OK, 0, 0, 0, 0, 0, 0),
        List.of(),
        false,
        "tsc",
        List.of("tsc"),
        "UTC",
        0,
        List.of(processes),
        null,
        ClockSteps.NONE);
  }

  private static List<String> ids(List<Finding> findings) {
    return findings.stream().map(Finding::id).toList();
  }

  @Test
  void aClientSynchronisedWithinMicrosecondsIsHealthyAndExitsZero() throws Exception {
    List<Finding> findings =
        Doctor.examine(
            scrape(
                running("chronyd"),
                chrony(
                    "depth-C-c-tracking.txt", "depth-C-c-sources.txt", "depth-C-c-selectdata.txt")),
            Role.CLIENT);
    // lab C: 127.0.0.3 answers nothing, 127.0.0.4 is noselect: both said, as info
    assertThat(ids(findings))
        .containsExactly("source-not-used", "source-not-used", "clock-healthy");
    assertThat(findings.get(0).summary())
        .isEqualTo(
            "chrony does not use 127.0.0.3: it says it is not synchronised, or has sent no sample"
                + " yet.");
    assertThat(Doctor.worst(findings)).isEqualTo(Severity.INFO);
  }

  @Test
  void seventyThreeSecondsBehindIsCriticalWithTheSignAndTheSlewTimeSpelledOut() throws Exception {
    // only73: chrony's only source is 73 s ahead; tracking's CSV field is the correction, +73.
    List<Finding> findings =
        Doctor.examine(
            scrape(
                running("chronyd"), chrony("only73-c-tracking.txt", "only73-c-sources.txt", null)),
            Role.CLIENT);
    Finding offset = findings.get(0);
    assertThat(offset.id()).isEqualTo("offset-critical");
    assertThat(offset.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(offset.summary())
        .isEqualTo("The clock is 73.000 s behind true time, as chrony estimates it.");
    assertThat(offset.evidence())
        .isEqualTo(
            "offset -73.000 s (local − reference: this clock is 73.000 s behind its reference)");
    // 73 s at 83 333 ppm: 876 s
    assertThat(offset.fix())
        .contains("takes 14 min 36 s")
        .contains("chronyc makestep")
        .contains("+73.000 s");
    assertThat(offset.why()).contains("Kerberos");
  }

  @Test
  void followingItsOwnClockIsRightOnlyForADesignatedTimeServer() throws Exception {
    DaemonReport server = chrony("3src-srvA-tracking.txt", null, null);
    Finding asClient = Doctor.examine(scrape(running("chronyd"), server), Role.CLIENT).get(0);
    assertThat(asClient.id()).isEqualTo("local-reference");
    assertThat(asClient.severity()).isEqualTo(Severity.WARNING);
    assertThat(asClient.evidence()).startsWith("reference ID 7F7F0101");
    List<Finding> asServer = Doctor.examine(scrape(running("chronyd"), server), Role.TIMESERVER);
    assertThat(asServer)
        .filteredOn(f -> f.id().equals("local-reference"))
        .singleElement()
        .extracting(Finding::severity)
        .isEqualTo(Severity.INFO);
    // information only: the doctor's exit code is 0
    assertThat(Doctor.worst(asServer)).isEqualTo(Severity.INFO);
    assertThat(ids(asServer)).contains("clock-healthy");
  }

  @Test
  void aLeapSecondPendingIsInformation() throws Exception {
    List<Finding> findings =
        Doctor.examine(
            scrape(running("chronyd"), chrony("leap-cli-c-tracking.txt", null, null)), Role.CLIENT);
    assertThat(ids(findings)).contains("leap-second-pending");
  }

  @Test
  void noDaemonAtAllIsCriticalAndTwoDisciplinersAWarningButPtpPairsAreNot() {
    assertThat(ids(Doctor.examine(scrape(running()), Role.CLIENT)))
        .containsExactly("no-time-daemon");
    assertThat(ids(Doctor.examine(scrape(running("chronyd", "ntpd")), Role.CLIENT)))
        .contains("multiple-time-daemons");
    assertThat(ids(Doctor.examine(scrape(running("ptp4l", "phc2sys")), Role.CLIENT)))
        .doesNotContain("multiple-time-daemons", "no-time-daemon");
  }

  @Test
  void reportsChronydRefusesAreSaidOnceWithTheSocketAsTheFix() throws Exception {
    DaemonReport c =
        chrony("depth-C-c-tracking.txt", "depth-C-c-sources.txt", "depth-C-c-selectdata.txt");
    ScrapeResult s =
        new ScrapeResult(
            0,
            new HostOutcome(new HostCollection(true, running("chronyd")), 0.01),
            List.of(
                new CollectorOutcome(
                    "chrony",
                    new CollectionResult(true, c, List.of("selectdata", "ntpdata", "serverstats")),
                    0.01)));
    List<Finding> findings = Doctor.examine(s, Role.CLIENT);
    Finding refused =
        findings.stream().filter(f -> f.id().equals("not-authorised")).findFirst().orElseThrow();
    assertThat(refused.severity()).isEqualTo(Severity.INFO);
    assertThat(refused.evidence())
        .isEqualTo("501 Not authorised for: selectdata, ntpdata, serverstats");
    assertThat(refused.fix()).contains("/run/chrony/chronyd.sock");
    assertThat(ids(Doctor.examine(scrape(running("chronyd"), c), Role.CLIENT)))
        .doesNotContain("not-authorised");
  }

  @Test
  void aDaemonThatDoesNotAnswerIsCritical() {
    List<Finding> findings =
        Doctor.examine(
            scrape(running("chronyd"), DaemonReport.empty(Daemon.CHRONY, false)), Role.CLIENT);
    assertThat(ids(findings)).containsExactly("daemon-not-answering");
    assertThat(findings.get(0).fix()).contains("/run/chrony/chronyd.sock");
  }

  @Test
  void theHostClockFindings() {
    HostClock host =
        new HostClock(
            new KernelClock(KernelTimeState.ERROR, 0x40, 0, 0, 16_000_000, 16_000_000, 0),
            List.of(new RtcClock("rtc0", 0.0, 3600.0, true)),
            true,
            "hpet",
            List.of("tsc", "hpet"),
            "Europe/Berlin",
            3600,
            List.of("chronyd"),
            true,
            new ClockSteps(0, 1, -45.25, 1.0));
    List<Finding> findings =
        Doctor.examine(
            scrape(
                host,
                new DaemonReport(Daemon.CHRONY, true, synchronisedSystem(), List.of(), List.of())),
            Role.CLIENT);
    assertThat(ids(findings))
        .containsExactlyInAnyOrder(
            "kernel-not-synchronised",
            "rtc-local-time",
            "rtc-far",
            "clocksource-fallback",
            "stepped-backward");
    assertThat(findings)
        .filteredOn(f -> f.id().equals("rtc-far"))
        .singleElement()
        .extracting(Finding::evidence)
        .isEqualTo("RTC − system clock = +3600.000 s");
  }

  @Test
  void timesyncdWithoutAServerSaysWhereToSetOne() {
    DaemonReport timesyncd =
        new DaemonReport(
            Daemon.TIMESYNCD,
            true,
            SystemStatus.builder().synchronized_(false).localReference(false).build(),
            List.of(),
            List.of());
    Finding f = Doctor.examine(scrape(running("systemd-timesyncd"), timesyncd), Role.CLIENT).get(0);
    assertThat(f.id()).isEqualTo("not-synchronised");
    assertThat(f.subject()).isEqualTo("timesyncd");
    assertThat(f.fix()).contains("NTP=<address>").contains("timesyncd.conf");
  }

  @Test
  void ptp4lNotSynchronisedNamesItsPortsAndGrandmaster() {
    DaemonReport ptp4l =
        new DaemonReport(
            Daemon.PTP4L,
            true,
            SystemStatus.builder().synchronized_(false).refId("b62257.fffe.246aa6").build(),
            List.of(),
            List.of(),
            HostClock.NONE,
            null,
            new PtpStatus(
                List.of(new PtpPort("eth0", PtpPortState.LISTENING)),
                null,
                0,
                null,
                null,
                null,
                null,
                null));
    Finding f = Doctor.examine(scrape(running("ptp4l"), ptp4l), Role.CLIENT).get(0);
    assertThat(f.id()).isEqualTo("not-synchronised");
    assertThat(f.subject()).isEqualTo("ptp4l");
    assertThat(f.evidence())
        .isEqualTo(
            "port states eth0 listening, last Sync none while SLAVE, grandmaster"
                + " b62257.fffe.246aa6");
    assertThat(f.fix()).contains("pmc").contains("PORT_DATA_SET");
  }

  private static SystemStatus synchronisedSystem() {
    return SystemStatus.builder()
        .synchronized_(true)
        .offsetSeconds(1e-6)
        .localReference(false)
        .build();
  }
}
