package io.clockhealth.exporter.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import io.clockhealth.exporter.collect.chrony.ChronyFormats;
import io.clockhealth.exporter.collect.chrony.ChronyReportMapper;
import io.clockhealth.exporter.model.Daemon;
import io.clockhealth.exporter.model.DaemonReport;
import io.clockhealth.exporter.model.HostClock;
import io.clockhealth.exporter.model.ServerStat;
import io.clockhealth.exporter.parse.FixtureFiles;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A time server nobody asks: lab server A's captured serverstats, and the same with no request. */
class ServerFindingsTest {

  private static DaemonReport server(String tracking, String serverstats) throws Exception {
    List<ServerStat> stats =
        ChronyReportMapper.serverStats(
            ChronyFormats.SERVERSTATS.parse(FixtureFiles.read("captures/chrony/" + serverstats)));
    return new DaemonReport(
        Daemon.CHRONY,
        true,
        ChronyReportMapper.system(
            ChronyFormats.TRACKING.parse(FixtureFiles.read("captures/chrony/" + tracking))),
        List.of(),
        stats,
        HostClock.NONE,
        null,
        null);
  }

  @Test
  void aServerWithClientsIsFine() throws Exception {
    DaemonReport a = server("3src-srvA-tracking.txt", "3src-srvA-serverstats.txt");
    assertThat(ServerFindings.of(a, Role.TIMESERVER)).isEmpty();
  }

  @Test
  void aDesignatedServerNobodyPollsIsAWarning() throws Exception {
    DaemonReport a = server("3src-srvA-tracking.txt", "3src-srvA-serverstats.txt");
    List<ServerStat> none =
        a.serverStats().stream()
            .map(
                s ->
                    s.name().equals("clock_server_ntp_packets_received")
                        ? new ServerStat(s.name(), s.help(), 0, s.counter())
                        : s)
            .toList();
    DaemonReport idle =
        new DaemonReport(a.daemon(), true, a.system(), List.of(), none, HostClock.NONE, null, null);
    List<Finding> f = ServerFindings.of(idle, Role.TIMESERVER);
    assertThat(f).extracting(Finding::id).containsExactly("timeserver-no-clients");
    assertThat(f.get(0).fix()).contains("allow <subnet>");
    // lab server A follows its own clock (local stratum 10): meant to serve even as "client"
    assertThat(ServerFindings.of(idle, Role.CLIENT)).hasSize(1);
  }
}
