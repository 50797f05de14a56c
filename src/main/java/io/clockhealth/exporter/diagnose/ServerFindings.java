package io.clockhealth.exporter.diagnose;

import io.clockhealth.exporter.metrics.MetricCatalog;
import io.clockhealth.exporter.model.DaemonReport;
import io.clockhealth.exporter.model.ServerStat;
import io.clockhealth.exporter.model.SystemStatus;
import java.util.List;

/**
 * A host meant to serve time (designated, or following its own clock for others): does anyone ask
 * it? Judged only where the daemon's server statistics were readable (chrony's serverstats).
 */
final class ServerFindings {

  private ServerFindings() {}

  static List<Finding> of(DaemonReport report, Role role) {
    SystemStatus s = report.system();
    boolean meantToServe =
        role == Role.TIMESERVER || (s != null && Boolean.TRUE.equals(s.localReference()));
    if (!meantToServe || !Boolean.TRUE.equals(report.daemonUp())) {
      return List.of();
    }
    String daemon = report.daemon().label();
    String received = MetricCatalog.SERVER_NTP_PACKETS_RECEIVED.baseName();
    for (ServerStat stat : report.serverStats()) {
      if (stat.name().equals(received) && stat.value() == 0) {
        return List.of(
            new Finding(
                "timeserver-no-clients",
                Severity.WARNING,
                daemon,
                "This time server has had no NTP request since "
                    + daemon
                    + " started: no client follows it.",
                "chronyc serverstats: NTP packets received 0",
                "The hosts meant to follow it keep their own drifting clocks, and drift apart.",
                "chronyd serves nobody without `allow <subnet>` in chrony.conf; open UDP 123 in"
                    + " the firewall; point the clients at it (`server <this host> iburst`;"
                    + " timesyncd: `NTP=<this host>`)."));
      }
    }
    return List.of();
  }
}
