package io.clockhealth.exporter.diagnose;

import io.clockhealth.exporter.model.Daemon;
import io.clockhealth.exporter.model.DaemonReport;
import io.clockhealth.exporter.model.SourceStatus;
import io.clockhealth.exporter.model.SystemStatus;
import io.clockhealth.exporter.text.HumanDurations;
import java.util.List;

/**
 * systemd-timesyncd's own troubles: it has one server at a time and keeps its last reply, so "no
 * server", "no reply yet" and "no reply for many polls" each need saying.
 */
final class TimesyncdFindings {

  /** As an NTP reach register: eight polls without a reply. */
  static final int SILENT_POLLS = 8;

  private static final String CONFIG_FIX =
      "Set `NTP=<address>` in /etc/systemd/timesyncd.conf (in an isolated network, the LAN's"
          + " time server: chrony there with `local stratum 10` and `allow <subnet>`), then"
          + " `systemctl restart systemd-timesyncd`; `timedatectl timesync-status` shows what it"
          + " asks.";

  private TimesyncdFindings() {}

  static List<Finding> of(DaemonReport report, double hostTimeSeconds) {
    SystemStatus s = report.system();
    if (report.daemon() != Daemon.TIMESYNCD
        || !Boolean.TRUE.equals(report.daemonUp())
        || s == null) {
      return List.of();
    }
    String daemon = report.daemon().label();
    if (report.sources().isEmpty()) {
      return List.of(
          new Finding(
              "timesyncd-no-server",
              Severity.CRITICAL,
              daemon,
              "systemd-timesyncd has no NTP server to ask.",
              "timedatectl show-timesync: no ServerName, no ServerAddress",
              "It never corrects the clock: the clock drifts freely (seconds a day).",
              CONFIG_FIX));
    }
    SourceStatus server = report.sources().get(0);
    Double poll = s.pollIntervalSeconds();
    if (s.stratum() == null) {
      return List.of(
          new Finding(
              "timesyncd-no-reply",
              Severity.CRITICAL,
              daemon,
              "systemd-timesyncd has had no reply from " + server.source() + ".",
              "timedatectl show-timesync: ServerName/ServerAddress "
                  + server.source()
                  + ", no NTPMessage (no reply taken since it started)"
                  + (poll == null ? "" : ", polling every " + HumanDurations.span(poll)),
              "Without a reply it never corrects the clock: the clock drifts freely.",
              "From this host: is UDP 123 to "
                  + server.source()
                  + " open (firewall, NAT)? Does that server serve this subnet (chrony `allow"
                  + " <subnet>`)? Or point timesyncd at one that does. "
                  + CONFIG_FIX));
    }
    Double lastReply = s.referenceTimestampSeconds();
    if (lastReply != null && poll != null && hostTimeSeconds - lastReply > SILENT_POLLS * poll) {
      double age = hostTimeSeconds - lastReply;
      return List.of(
          new Finding(
              "timesyncd-reply-stale",
              Severity.WARNING,
              daemon,
              "systemd-timesyncd's last reply from "
                  + server.source()
                  + " is "
                  + HumanDurations.span(age)
                  + " old: the server has stopped answering.",
              "NTPMessage received "
                  + HumanDurations.span(age)
                  + " ago, over "
                  + SILENT_POLLS
                  + " polls of "
                  + HumanDurations.span(poll),
              "timesyncd keeps showing its last reply as if current; the clock has run on its"
                  + " own since.",
              "Check the server and the path to it (UDP 123); `timedatectl timesync-status`."));
    }
    return List.of();
  }
}
