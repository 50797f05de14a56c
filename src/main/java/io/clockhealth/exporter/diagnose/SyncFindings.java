package io.clockhealth.exporter.diagnose;

import io.clockhealth.exporter.model.Daemon;
import io.clockhealth.exporter.model.DaemonReport;
import io.clockhealth.exporter.model.LeapStatus;
import io.clockhealth.exporter.model.PtpStatus;
import io.clockhealth.exporter.model.SystemStatus;
import io.clockhealth.exporter.text.HumanDurations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** One daemon's own view: synchronised or not, how far off, and what it follows. */
final class SyncFindings {

  /** Ceph's default mon_clock_drift_allowed: the first thing a cluster notices. */
  static final double WARNING_OFFSET_SECONDS = 0.05;

  /** Beyond a second, logs and traces across hosts are out of order and UIs warn. */
  static final double CRITICAL_OFFSET_SECONDS = 1.0;

  /** chronyd's default maxslewrate, 83 333 ppm. */
  private static final double CHRONY_MAX_SLEW = 83_333.333e-6;

  /** ntpd's and the kernel PLL's maximum, 500 ppm. */
  private static final double NTPD_MAX_SLEW = 500e-6;

  private SyncFindings() {}

  static List<Finding> of(DaemonReport report, Role role) {
    List<Finding> findings = new ArrayList<>();
    SystemStatus s = report.system();
    if (s == null || !Boolean.TRUE.equals(report.daemonUp())) {
      return findings;
    }
    String daemon = report.daemon().label();
    if (Boolean.FALSE.equals(s.synchronized_()) && !Boolean.TRUE.equals(s.localReference())) {
      findings.add(
          new Finding(
              "not-synchronised",
              Severity.CRITICAL,
              daemon,
              daemon + " is not synchronised: the clock runs on its own.",
              notSynchronisedEvidence(report, s),
              "The error grows with the oscillator's drift (tens of ppm: seconds a day) and"
                  + " nothing bounds it.",
              notSynchronisedFix(report)));
    }
    Double offset = s.offsetSeconds();
    if (offset != null && Math.abs(offset) > WARNING_OFFSET_SECONDS) {
      findings.add(offset(report.daemon(), offset));
    }
    if (Boolean.TRUE.equals(s.localReference())) {
      findings.add(localReference(daemon, s, role));
    }
    if (s.leapStatus() == LeapStatus.INSERT_SECOND || s.leapStatus() == LeapStatus.DELETE_SECOND) {
      findings.add(
          new Finding(
              "leap-second-pending",
              Severity.INFO,
              daemon,
              daemon + " announces a leap second at the end of this month.",
              "leap status " + s.leapStatus().label(),
              "At 23:59:60 UTC the kernel inserts (or skips) a second: software that cannot take"
                  + " a repeated second misbehaves.",
              "Nothing to do on a well-run host; where repeats hurt, smear it (chrony"
                  + " `leapsecmode slew`, `smoothtime`)."));
    }
    return findings;
  }

  private static String notSynchronisedEvidence(DaemonReport report, SystemStatus s) {
    PtpStatus ptp = report.ptp();
    if (ptp != null) {
      // PTP has no leap status or stratum here: its port states and Sync say why.
      return "port states "
          + ptp.ports().stream()
              .map(p -> p.name() + " " + p.state().label())
              .collect(Collectors.joining(", "))
          + ", last Sync "
          + (ptp.lastSyncAgeSeconds() == null
              ? "none while SLAVE"
              : HumanDurations.unsigned(ptp.lastSyncAgeSeconds()) + " ago")
          + ", grandmaster "
          + s.refId();
    }
    return "leap status "
        + (s.leapStatus() == null ? "unknown" : s.leapStatus().label())
        + ", stratum "
        + s.stratum()
        + ", reference ID "
        + s.refId();
  }

  private static String notSynchronisedFix(DaemonReport report) {
    return switch (report.daemon()) {
      case CHRONY ->
          "`chronyc sources` and `chronyc selectdata` say which sources it has and why none is"
              + " used; see the source findings.";
      case NTPD -> "`ntpq -pn`: are the peers reachable (reach), is one selected (`*`)?";
      case TIMESYNCD ->
          report.sources().isEmpty()
              ? "systemd-timesyncd has no server it can use: set `NTP=<address>` in"
                  + " /etc/systemd/timesyncd.conf (in an isolated network, the local time server),"
                  + " then `systemctl restart systemd-timesyncd`; `timedatectl timesync-status`"
                  + " shows what it tries."
              : "`timedatectl timesync-status`: does its server answer (Packet count, Poll"
                  + " interval)? Is UDP 123 to it open?";
      case PTP4L ->
          "`pmc -u -b 0 'GET PORT_DATA_SET' 'GET TIME_STATUS_NP'`: is a port SLAVE, and does"
              + " ingress_time move? `journalctl -u ptp4l` names the port's last state change.";
    };
  }

  private static Finding offset(Daemon daemon, double offset) {
    boolean critical = Math.abs(offset) > CRITICAL_OFFSET_SECONDS;
    String direction = offset > 0 ? "ahead of" : "behind";
    String evidence =
        String.format(
            Locale.ROOT,
            "offset %s (local − reference: this clock is %s %s its reference)",
            HumanDurations.signed(offset),
            HumanDurations.unsigned(offset),
            direction);
    double slewRate = daemon == Daemon.CHRONY ? CHRONY_MAX_SLEW : NTPD_MAX_SLEW;
    String slew =
        "Slewing it away at "
            + (daemon == Daemon.CHRONY ? "chrony's maximum rate (83 333 ppm)" : "500 ppm")
            + " takes "
            + HumanDurations.span(Math.abs(offset) / slewRate)
            + "; stepping is immediate but moves every timestamp on this host by "
            + HumanDurations.signed(-offset)
            + " at once (timers fire early or late, durations measured across it are wrong).";
    String fix =
        switch (daemon) {
          case CHRONY -> slew + " Step: `chronyc makestep`; to allow it at start: `makestep 1 3`.";
          case NTPD -> slew + " ntpd steps offsets beyond 128 ms itself unless run with `-x`.";
          case TIMESYNCD ->
              "systemd-timesyncd steps offsets beyond 0.4 s itself once it has a reply: check it"
                  + " has a reachable server (`timedatectl timesync-status`).";
          case PTP4L ->
              "ptp4l steps offsets beyond step_threshold (ptp4l.conf) and otherwise slews; a"
                  + " lasting offset points at the master or at asymmetric path delay.";
        };
    return new Finding(
        critical ? "offset-critical" : "offset-high",
        critical ? Severity.CRITICAL : Severity.WARNING,
        daemon.label(),
        String.format(
            Locale.ROOT,
            "The clock is %s %s true time, as %s estimates it.",
            HumanDurations.unsigned(offset),
            direction,
            daemon.label()),
        evidence,
        critical
            ? "Beyond a second: logs and traces across hosts are out of order, Prometheus warns"
                + " of the difference, tokens and certificates near their edges fail; at minutes"
                + " TLS and Kerberos (5 min) refuse outright."
            : "Beyond 50 ms: Ceph reports clock skew (mon_clock_drift_allowed 0.05 s), and"
                + " distributed databases and lock services lose their safety margin.",
        fix);
  }

  private static Finding localReference(String daemon, SystemStatus s, Role role) {
    String evidence =
        "reference ID " + s.refId() + " (the daemon's own clock), stratum " + s.stratum();
    if (role == Role.TIMESERVER) {
      return new Finding(
          "local-reference",
          Severity.INFO,
          daemon,
          daemon
              + " follows its own clock, as the designated time server of an isolated network"
              + " should.",
          evidence,
          "Every client follows this clock: its error is theirs. Set it right by hand when it"
              + " drifts.",
          "Check the time against a trusted one now and then; `timedatectl set-time` or"
              + " `chronyc settime` then `chronyc makestep` corrects it (a step).");
    }
    return new Finding(
        "local-reference",
        Severity.WARNING,
        daemon,
        daemon + " follows its own clock instead of a time server.",
        evidence,
        "Its time is only as good as this machine's oscillator; other hosts that follow it"
            + " inherit its drift. Right only on a designated time server (--role timeserver).",
        "Give it reachable sources (`server <address> iburst`), or, if this host is the isolated"
            + " network's time server, say so: `doctor --role timeserver` (label"
            + " clock_role=\"timeserver\" for the alerts).");
  }
}
