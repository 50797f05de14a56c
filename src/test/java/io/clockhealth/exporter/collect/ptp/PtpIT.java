package io.clockhealth.exporter.collect.ptp;

import static org.assertj.core.api.Assertions.assertThat;

import io.clockhealth.exporter.testing.Cleanup;
import io.clockhealth.exporter.testing.DashboardQueries;
import io.clockhealth.exporter.testing.ExporterProcess;
import io.clockhealth.exporter.testing.NetNs;
import io.clockhealth.exporter.testing.PrometheusServer;
import io.clockhealth.exporter.testing.Ptp4l;
import io.clockhealth.exporter.testing.ScrapedMetrics;
import io.clockhealth.exporter.testing.TestDaemons;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The exporter against two real ptp4l (linuxptp) on a veth pair inside network namespace {@code
 * che-ptp-*}: a grandmaster on {@code veth0}, a slave-only clock on {@code veth1}, layer 2,
 * software timestamps, {@code free_running 1} and no CAP_SYS_TIME, so no clock is ever adjusted.
 *
 * <p>A free-running slave never locks its servo, so it stays {@code UNCALIBRATED}; {@code SET
 * SYNCHRONIZATION_UNCERTAIN_NP 0} makes ptp4l take its measurements as locked, and the port goes to
 * {@code SLAVE} (still without adjusting anything). Then the master is killed: ptp4l keeps the last
 * offset and {@code gmPresent true}, and the exporter must not serve them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PtpIT {

  private static final Duration SETTLE = Duration.ofSeconds(30);
  private static final String PTP4L = "ptp4l";

  private static NetNs ns;
  private static Ptp4l master;
  private static Ptp4l slave;
  private static ExporterProcess masterExporter;
  private static ExporterProcess slaveExporter;
  private static ExporterProcess noneExporter;
  private static ExporterProcess autoOffExporter;

  @BeforeAll
  static void start() {
    ns = NetNs.create("ptp");
    NetNs.veth(ns, "veth0", "10.251.0.1/24", ns, "veth1", "10.251.0.2/24");
    master = Ptp4l.master(PtpIT.class, "master", ns, "veth0");
    slave = Ptp4l.slave(PtpIT.class, "slave", ns, "veth1");
    masterExporter =
        exporter("master", master.pmcPath(), master.socket()).args("--collector.ptp").start();
    // Not forced: found on its own, since pmc is given and the socket exists.
    slaveExporter = exporter("slave", slave.pmcPath(), slave.socket()).start();
    Path nowhere = TestDaemons.targetDir().resolve("it-daemons/PtpIT/none/ptp4l.sock");
    noneExporter = exporter("none", master.pmcPath(), nowhere).args("--collector.ptp").start();
    autoOffExporter = exporter("auto-off", master.pmcPath(), nowhere).start();
  }

  @AfterAll
  static void stop() {
    Cleanup.all(masterExporter, slaveExporter, noneExporter, autoOffExporter, master, slave, ns);
  }

  private static ExporterProcess.Builder exporter(String name, Path pmc, Path socket) {
    return ExporterProcess.builder(PtpIT.class, name)
        .args(
            "--collector.ptp.path=" + pmc,
            "--collector.ptp.socket=" + socket,
            "--no-collector.chrony",
            "--no-collector.ntpd",
            "--no-collector.timesyncd",
            "--collector.timeout=2s",
            "--log.level=debug");
  }

  private static double portState(ScrapedMetrics m, String port, String state) {
    return m.valueOf("clock_ptp_port_state", "daemon", PTP4L, "port", port, "state", state);
  }

  @Test
  @Order(1)
  void withoutPtp4lTheDaemonIsDownAndTheCollectorFails() {
    ScrapedMetrics m = noneExporter.scrape();
    assertThat(m.valueOf("clock_daemon_up", "daemon", PTP4L)).isZero();
    assertThat(m.valueOf("clock_scrape_collector_success", "collector", "ptp")).isZero();
    assertThat(m.has("clock_synchronized", "daemon", PTP4L)).isFalse();
    assertThat(m.has("clock_ptp_port_state")).isFalse();
    assertThat(noneExporter.log()).contains("collector=ptp failed").contains("pmc");
  }

  @Test
  @Order(2)
  void withoutASocketTheCollectorIsNotEnabledOnItsOwn() {
    ScrapedMetrics m = autoOffExporter.scrape();
    assertThat(m.has("clock_scrape_collector_success", "collector", "ptp")).isFalse();
    assertThat(autoOffExporter.log())
        .contains("collector=ptp disabled: no ptp4l management socket");
  }

  @Test
  @Order(3)
  void theGrandmasterIsSynchronisedAsTheReference() {
    ScrapedMetrics m =
        masterExporter.awaitScrape(
            SETTLE,
            s -> {
              assertThat(portState(s, "veth0", "master")).isOne();
              assertThat(s.valueOf("clock_synchronized", "daemon", PTP4L)).isOne();
            });
    assertThat(m.valueOf("clock_daemon_up", "daemon", PTP4L)).isOne();
    assertThat(m.valueOf("clock_scrape_collector_success", "collector", "ptp")).isOne();
    assertThat(m.valueOf("clock_ptp_steps_removed", "daemon", PTP4L)).isZero();
    assertThat(m.has("clock_offset_seconds", "daemon", PTP4L)).isFalse();
    assertThat(m.has("clock_ptp_last_sync_age_seconds")).isFalse();
    String gm = grandmaster(m);
    assertThat(m.matching("clock_reference_info", "daemon", PTP4L))
        .singleElement()
        .satisfies(s -> assertThat(s.labels()).containsEntry("ref_id", gm));
  }

  @Test
  @Order(4)
  void anUncalibratedSlaveIsNotSynchronisedAndServesNoOffset() {
    String gm = grandmaster(masterExporter.scrape());
    ScrapedMetrics m =
        slaveExporter.awaitScrape(
            SETTLE,
            s -> {
              assertThat(portState(s, "veth1", "uncalibrated")).as(slave.describe()).isOne();
              assertThat(grandmaster(s)).isEqualTo(gm);
            });
    assertThat(m.valueOf("clock_scrape_collector_success", "collector", "ptp")).isOne();
    assertThat(m.valueOf("clock_synchronized", "daemon", PTP4L)).isZero();
    assertThat(portState(m, "veth1", "slave")).isZero();
    assertThat(m.valueOf("clock_ptp_steps_removed", "daemon", PTP4L)).isOne();
    assertThat(m.has("clock_offset_seconds", "daemon", PTP4L)).isFalse();
    assertThat(m.has("clock_ptp_mean_path_delay_seconds")).isFalse();
    assertThat(m.has("clock_ptp_last_sync_age_seconds")).isFalse();
    assertThat(m.matching("clock_ptp_grandmaster_info", "daemon", PTP4L))
        .singleElement()
        .satisfies(s -> assertThat(s.labels()).containsEntry("clock_class", "248"));
  }

  @Test
  @Order(5)
  void aSlaveInSlaveStateIsSynchronisedWithItsOffset() {
    assertThat(slave.pmc("SET SYNCHRONIZATION_UNCERTAIN_NP 0").output())
        .contains("RESPONSE MANAGEMENT SYNCHRONIZATION_UNCERTAIN_NP");
    ScrapedMetrics m =
        slaveExporter.awaitScrape(
            SETTLE,
            s -> {
              assertThat(portState(s, "veth1", "slave")).as(slave.describe()).isOne();
              assertThat(s.valueOf("clock_synchronized", "daemon", PTP4L)).isOne();
              // 0 until the first Delay_Resp came
              assertThat(s.valueOf("clock_ptp_mean_path_delay_seconds", "daemon", PTP4L))
                  .isGreaterThan(0);
            });
    // Both ends timestamp with this host's one clock: the offset is software noise.
    assertThat(Math.abs(m.valueOf("clock_offset_seconds", "daemon", PTP4L))).isLessThan(0.01);
    assertThat(m.valueOf("clock_ptp_mean_path_delay_seconds", "daemon", PTP4L)).isLessThan(0.01);
    assertThat(m.valueOf("clock_ptp_last_sync_age_seconds", "daemon", PTP4L))
        .isGreaterThan(-1)
        .isLessThan(4);
  }

  /** The dashboards' PTP rows, asked of a real Prometheus scraping the slave and the master. */
  @Test
  @Order(6)
  void everyPtpDashboardQueryHasDataForThisSlave() {
    String slaveTarget = "127.0.0.1:" + slaveExporter.port();
    try (PrometheusServer prometheus =
        PrometheusServer.start(
            PtpIT.class,
            "ptp",
            String.join(
                "\n",
                "global:",
                "  scrape_interval: 1s",
                "scrape_configs:",
                "  - job_name: clock",
                "    static_configs:",
                "      - targets: [\""
                    + slaveTarget
                    + "\", \"127.0.0.1:"
                    + masterExporter.port()
                    + "\"]",
                "        labels:",
                "          cluster: lab",
                ""))) {
      for (String file : List.of("clock-health-host.json", "clock-health-fleet.json")) {
        assertThat(
                DashboardQueries.withoutData(
                    prometheus,
                    file,
                    DashboardQueries.Query::ptpOnly,
                    Map.of("cluster", ".*", "job", "clock", "instance", slaveTarget),
                    SETTLE))
            .as("%s: PTP queries without data", file)
            .isEmpty();
      }
    }
  }

  @Test
  @Order(7)
  void afterTheMasterIsKilledTheSlaveIsNotSynchronisedAndNoFrozenOffsetIsServed() {
    master.stop();
    ScrapedMetrics m =
        slaveExporter.awaitScrape(
            SETTLE,
            s -> {
              assertThat(portState(s, "veth1", "slave")).as(slave.describe()).isZero();
              assertThat(s.valueOf("clock_synchronized", "daemon", PTP4L)).isZero();
            });
    assertThat(slave.pmc("GET TIME_STATUS_NP").output())
        .as("ptp4l keeps gmPresent after the loss")
        .contains("gmPresent                  true");
    assertThat(m.valueOf("clock_scrape_collector_success", "collector", "ptp")).isOne();
    assertThat(m.has("clock_offset_seconds", "daemon", PTP4L)).isFalse();
    assertThat(m.has("clock_ptp_mean_path_delay_seconds")).isFalse();
    // And from the moment the Sync stopped: never synchronised with a stale Sync.
    for (int i = 0; i < 5; i++) {
      ScrapedMetrics again = slaveExporter.scrape();
      assertThat(again.valueOf("clock_synchronized", "daemon", PTP4L)).isZero();
      assertThat(again.has("clock_offset_seconds", "daemon", PTP4L)).isFalse();
    }
    ScrapedMetrics dead =
        masterExporter.awaitScrape(
            SETTLE, s -> assertThat(s.valueOf("clock_daemon_up", "daemon", PTP4L)).isZero());
    assertThat(dead.valueOf("clock_scrape_collector_success", "collector", "ptp")).isZero();
    assertThat(dead.has("clock_ptp_port_state")).isFalse();
  }

  private static String grandmaster(ScrapedMetrics m) {
    List<ScrapedMetrics.Sample> info = m.matching("clock_ptp_grandmaster_info", "daemon", PTP4L);
    assertThat(info).hasSize(1);
    return info.get(0).labels().get("grandmaster_identity");
  }
}
