package io.clockhealth.exporter.diagnose;

import io.clockhealth.exporter.model.Daemon;
import io.clockhealth.exporter.model.DaemonReport;
import io.clockhealth.exporter.model.SelectionReason;
import io.clockhealth.exporter.model.SourceState;
import io.clockhealth.exporter.model.SourceStatus;
import io.clockhealth.exporter.text.HumanDurations;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** A daemon's sources: none usable, none reachable, falsetickers, and why a source is unused. */
final class SourceFindings {

  private static final Set<SourceState> USABLE =
      EnumSet.of(SourceState.SELECTED, SourceState.COMBINED, SourceState.NOT_COMBINED);

  /** NTP's "unsynchronised" stratum. */
  private static final int UNSYNCHRONISED_STRATUM = 16;

  private SourceFindings() {}

  static List<Finding> of(DaemonReport report) {
    List<Finding> findings = new ArrayList<>();
    List<SourceStatus> sources = report.sources();
    if (sources.isEmpty() || !Boolean.TRUE.equals(report.daemonUp())) {
      return findings;
    }
    String daemon = report.daemon().label();
    boolean withStates = sources.stream().allMatch(s -> s.state() != null);
    // timesyncd has one server at a time: TimesyncdFindings says what is wrong with it.
    if (withStates
        && report.daemon() != Daemon.TIMESYNCD
        && sources.stream().noneMatch(s -> USABLE.contains(s.state()))) {
      findings.add(
          new Finding(
              "no-selectable-source",
              Severity.CRITICAL,
              daemon,
              "None of " + daemon + "'s " + sources.size() + " sources can be used.",
              sources.stream().map(SourceFindings::describe).collect(Collectors.joining("; ")),
              "The daemon cannot correct the clock: it free-runs on its last frequency.",
              "Fix what each source's reason says; keep three or more independent sources so a"
                  + " majority exists."));
    }
    boolean withReach = sources.stream().allMatch(s -> s.reachability() != null);
    if (withReach && sources.stream().allMatch(s -> Integer.valueOf(0).equals(s.reachability()))) {
      findings.add(
          new Finding(
              "sources-unreachable",
              Severity.CRITICAL,
              daemon,
              "None of " + daemon + "'s sources has answered in its last 8 polls.",
              sources.stream().map(s -> s.source() + " reach 0").collect(Collectors.joining(", ")),
              "No reply, no correction: the clock drifts freely.",
              "From this host: is UDP 123 to the sources open (firewall, NAT)? Do the names"
                  + " resolve? In an isolated network point the daemon at a local time server"
                  + " (`server <address> iburst`; timesyncd: `NTP=<address>`)."));
    }
    for (SourceStatus s : sources) {
      if (s.state() == SourceState.FALSETICKER) {
        findings.add(
            new Finding(
                "source-falseticker",
                Severity.WARNING,
                daemon + " " + s.source(),
                daemon + " rejects " + s.source() + ": its time disagrees with the others.",
                describe(s),
                "Harmless while the majority is right; lose one more good source and no majority"
                    + " is left.",
                "Check that server's own synchronisation; remove or replace it."));
      } else if (s.stratum() != null && s.stratum() >= UNSYNCHRONISED_STRATUM) {
        findings.add(
            new Finding(
                "source-stratum-16",
                Severity.WARNING,
                daemon + " " + s.source(),
                s.source() + " says it is not synchronised (stratum " + s.stratum() + ").",
                describe(s),
                "A source without time of its own cannot be used.",
                "Fix that server's synchronisation, or remove it."));
      }
      SelectionReason reason = s.selectionReason();
      if (reason != null
          && reason != SelectionReason.SELECTED
          && reason != SelectionReason.COMBINED
          && reason != SelectionReason.FALSETICKER) {
        findings.add(
            new Finding(
                "source-not-used",
                Severity.INFO,
                daemon + " " + s.source(),
                daemon + " does not use " + s.source() + ": " + ChronyReasons.words(reason) + ".",
                "chronyc selectdata: " + reason.label(),
                "One source fewer to vote and to fall back on.",
                ChronyReasons.fix(reason)));
      }
    }
    return findings;
  }

  /** A source in one phrase: its state, reach, offset and chrony's reason where known. */
  static String describe(SourceStatus s) {
    List<String> parts = new ArrayList<>();
    parts.add(s.source());
    if (s.state() != null) {
      parts.add(s.state().label());
    }
    if (s.reachability() != null) {
      parts.add("reach " + Integer.toOctalString(s.reachability()));
    }
    if (s.offsetSeconds() != null) {
      parts.add("offset local − source " + HumanDurations.signed(s.offsetSeconds()));
    }
    if (s.selectionReason() != null) {
      parts.add("chrony: " + Objects.requireNonNull(s.selectionReason()).label());
    }
    return String.join(" ", parts);
  }
}
