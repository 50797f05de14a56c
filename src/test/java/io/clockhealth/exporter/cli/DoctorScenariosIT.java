package io.clockhealth.exporter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clockhealth.exporter.cli.DoctorProcess.Diagnosis;
import io.clockhealth.exporter.testing.Chronyd;
import io.clockhealth.exporter.testing.Cleanup;
import io.clockhealth.exporter.testing.NetNs;
import io.clockhealth.exporter.testing.Ntpd;
import io.clockhealth.exporter.testing.TestDaemons;
import io.clockhealth.exporter.testing.Timesyncd;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The doctor's scenarios with daemons in network namespaces: a systemd-timesyncd whose only server
 * never answers (the isolated-network case), and chronyd and ntpd both running on one host.
 *
 * <p>Addresses of this class: 10.247.0.1 (timesyncd, namespace {@code che-dtc-*}) ↔ 10.247.0.2
 * (namespace {@code che-dts-*}, where nothing listens); ntpd alone in {@code che-dnt-*}.
 */
class DoctorScenariosIT {

  private static final String SILENT = "10.247.0.2";

  private static NetNs timesyncdNs;
  private static NetNs silentNs;
  private static NetNs ntpdNs;
  private static Timesyncd timesyncd;
  private static Ntpd ntpd;
  private static Chronyd chronyd;

  @BeforeAll
  static void start() {
    timesyncdNs = NetNs.create("dtc");
    silentNs = NetNs.create("dts");
    NetNs.veth(timesyncdNs, "dt0", "10.247.0.1/24", silentNs, "dt1", SILENT + "/24");
    timesyncd =
        Timesyncd.builder(DoctorScenariosIT.class, "timesyncd")
            .netns(timesyncdNs)
            .server(SILENT)
            .start();
    ntpdNs = NetNs.create("dnt");
    ntpd = Ntpd.builder(DoctorScenariosIT.class, "ntpd").netns(ntpdNs).start();
    chronyd = Chronyd.builder(DoctorScenariosIT.class, "chronyd").config("port 0").start();
  }

  @AfterAll
  static void stop() {
    Cleanup.all(timesyncd, ntpd, chronyd, timesyncdNs, silentNs, ntpdNs);
  }

  @Test
  void timesyncdWhoseServerNeverAnswersIsCriticalAndNamesTheServer() throws Exception {
    await("timesyncd has tried " + SILENT)
        .atMost(Duration.ofSeconds(15))
        .ignoreExceptions()
        .until(() -> SILENT.equals(timesyncd.showTimesync().get("ServerName")));
    Diagnosis d =
        DoctorProcess.run(
            Map.of(),
            List.of(
                "--collector.timesyncd",
                "--collector.timesyncd.path=" + timesyncd.timedatectlWrapper(),
                "--no-collector.chrony",
                "--no-collector.ntpd"));
    assertThat(d.exit()).isEqualTo(2);
    assertThat(d.findings())
        .containsEntry("timesyncd-no-reply", "critical")
        .containsEntry("not-synchronised", "critical")
        .doesNotContainKey("no-selectable-source");
    assertThat(d.finding("timesyncd-no-reply").path("summary").asText())
        .isEqualTo("systemd-timesyncd has had no reply from " + SILENT + ".");
    assertThat(d.finding("timesyncd-no-reply").path("fix").asText()).contains("NTP=<address>");
  }

  @Test
  void chronydAndNtpdTogetherFightOverTheClock() throws Exception {
    Diagnosis d =
        DoctorProcess.run(
            Map.of(),
            List.of(
                "--collector.chrony.path=" + TestDaemons.get().chronyc(),
                "--collector.chrony.args=-h " + chronyd.socketPath(),
                "--collector.ntpd",
                "--collector.ntpd.path=" + ntpd.ntpqWrapper(),
                "--collector.ntpd.args=127.0.0.1",
                "--no-collector.timesyncd"));
    assertThat(d.findings()).containsEntry("multiple-time-daemons", "warning");
    assertThat(d.finding("multiple-time-daemons").path("evidence").asText())
        .contains("chronyd")
        .contains("ntpd");
    assertThat(d.exit()).isGreaterThanOrEqualTo(1);
  }
}
