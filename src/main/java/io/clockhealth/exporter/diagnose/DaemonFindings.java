package io.clockhealth.exporter.diagnose;

import io.clockhealth.exporter.collect.CollectorOutcome;
import io.clockhealth.exporter.collect.ScrapeResult;
import io.clockhealth.exporter.model.HostClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which time daemons run and answer: none, several, or one that does not answer. */
final class DaemonFindings {

  /** The collector that reads each clock-disciplining process. */
  private static final Map<String, String> COLLECTOR_OF =
      Map.of(
          "chronyd",
          "chrony",
          "ntpd",
          "ntpd",
          "ntpsec",
          "ntpd",
          "systemd-timesyncd",
          "timesyncd",
          "ptp4l",
          "ptp");

  private static final Map<String, String> TOOL_OF =
      Map.of("chrony", "chronyc", "ntpd", "ntpq", "timesyncd", "timedatectl", "ptp", "pmc");

  private static final Set<String> SYSTEM_CLOCK_DISCIPLINES =
      Set.of("chronyd", "ntpd", "openntpd", "systemd-timesyncd", "ntpd-rs", "phc2sys", "htpdate");

  private DaemonFindings() {}

  static List<Finding> of(ScrapeResult scrape) {
    List<Finding> findings = new ArrayList<>();
    HostClock host = scrape.hostClock();
    List<String> running = host.timeDaemonsRunning();
    boolean anyAnswered =
        scrape.outcomes().stream()
            .anyMatch(o -> Boolean.TRUE.equals(o.result().report().daemonUp()));
    if (!anyAnswered && running.isEmpty() && scrape.host() != null) {
      findings.add(
          new Finding(
              "no-time-daemon",
              Severity.CRITICAL,
              "host",
              "No time daemon runs on this host: nothing keeps its clock right.",
              "no chronyd, ntpd, systemd-timesyncd or ptp4l process in /proc, and no daemon"
                  + " answered its tool",
              "A free-running clock drifts by seconds a day (tens of ppm); TLS, Kerberos, logs,"
                  + " metrics and databases that compare time across hosts break as it does.",
              "Install and start one: `apt install chrony` (or `systemctl enable --now"
                  + " systemd-timesyncd`), with a reachable server (`server <address> iburst` in"
                  + " chrony.conf, `NTP=<address>` in timesyncd.conf)."));
    }
    // As the rules' instance:clock_disciplining_processes:count: the processes that steer the
    // system clock (ptp4l and ts2phc steer a PTP hardware clock); timemaster coordinates its set.
    List<String> disciplining =
        running.contains("timemaster")
            ? List.of()
            : running.stream().filter(SYSTEM_CLOCK_DISCIPLINES::contains).toList();
    if (disciplining.size() >= 2) {
      findings.add(
          new Finding(
              "multiple-time-daemons",
              Severity.WARNING,
              "host",
              "Several clock-disciplining daemons run at once: they fight over one clock.",
              "running: " + String.join(", ", disciplining),
              "Each corrects the others' corrections: the frequency and the offset wander, and"
                  + " both may step the clock.",
              "Keep one: e.g. `systemctl disable --now ntp` (or `ntpsec`, `systemd-timesyncd`)"
                  + " and keep chronyd; `timedatectl set-ntp false` stops timesyncd."));
    }
    for (String process : running) {
      String collector = COLLECTOR_OF.get(process);
      boolean examined = scrape.outcomes().stream().anyMatch(o -> o.collector().equals(collector));
      if (collector != null && !examined) {
        findings.add(
            new Finding(
                "daemon-not-examined",
                Severity.INFO,
                collector,
                process + " runs, but its collector is off: the doctor cannot say how it does.",
                process + " in /proc; no " + collector + " collector",
                "Its synchronisation and sources are not checked.",
                "Install its tool ("
                    + TOOL_OF.get(collector)
                    + ") or enable the collector (--collector."
                    + collector
                    + ")."));
      }
    }
    for (CollectorOutcome outcome : scrape.outcomes()) {
      if (Boolean.FALSE.equals(outcome.result().report().daemonUp())) {
        findings.add(notAnswering(outcome.collector(), running));
      }
      if (!outcome.result().refused().isEmpty()) {
        findings.add(notAuthorised(outcome.collector(), outcome.result().refused()));
      }
    }
    return findings;
  }

  /** chronyd answers some reports only on its Unix socket: over UDP they are 501. */
  private static Finding notAuthorised(String daemon, List<String> refused) {
    return new Finding(
        "not-authorised",
        Severity.INFO,
        daemon,
        daemon + " refuses some of its reports to the exporter: they are not examined.",
        "501 Not authorised for: " + String.join(", ", refused),
        "Without them the doctor and the metrics lack chrony's reason for each unused source,"
            + " the per-source packet counters, NTS state and the server's own statistics.",
        "chronyd answers these only on its Unix socket: run the exporter (and the doctor) as root"
            + " or as chrony's user (_chrony on Debian) with `--collector.chrony.args=-h"
            + " /run/chrony/chronyd.sock`; that user may also change the clock (makestep,"
            + " settime). Over UDP (`-h 127.0.0.1`) only the monitoring reports are answered.");
  }

  private static Finding notAnswering(String daemon, List<String> running) {
    String fix =
        switch (daemon) {
          case "chrony" ->
              "`systemctl status chrony`; start it (`systemctl start chrony`). If it runs, chronyc"
                  + " reaches it on 127.0.0.1:323 (cmdallow) or, as root or _chrony, on"
                  + " /run/chrony/chronyd.sock.";
          case "ntpd" -> "`systemctl status ntpsec` (or `ntp`); ntpq asks it on localhost UDP 123.";
          case "ptp" ->
              "`systemctl status ptp4l`; pmc asks it on its Unix socket (/var/run/ptp4l by"
                  + " default, --collector.ptp.socket), which only root or its group may write.";
          default ->
              "`systemctl status systemd-timesyncd`; timedatectl needs systemd as PID 1 and the"
                  + " system D-Bus (not in most containers).";
        };
    return new Finding(
        "daemon-not-answering",
        Severity.CRITICAL,
        daemon,
        daemon + "'s tool runs, but the daemon did not answer it.",
        "its tool reported that it could not talk to the daemon (e.g. chronyc `506 Cannot talk to"
            + " daemon`); processes running: "
            + (running.isEmpty() ? "none" : String.join(", ", running)),
        "Nothing is known about this host's time from " + daemon + ": it may be stopped.",
        fix);
  }
}
