package io.clockhealth.exporter.diagnose;

import io.clockhealth.exporter.collect.CollectorOutcome;
import io.clockhealth.exporter.collect.ScrapeResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The findings engine: one collection in, findings out, worst first. Pure: it reads what was
 * collected and does no I/O, so the {@code doctor} command and the status page say the same.
 */
public final class Doctor {

  private Doctor() {}

  public static List<Finding> examine(ScrapeResult scrape, Role role) {
    return examine(Examination.of(scrape, role));
  }

  public static List<Finding> examine(Examination examination) {
    ScrapeResult scrape = examination.scrape();
    Role role = examination.role();
    List<Finding> findings = new ArrayList<>(DaemonFindings.of(scrape));
    for (CollectorOutcome outcome : scrape.outcomes()) {
      findings.addAll(SyncFindings.of(outcome.result().report(), role));
      findings.addAll(SourceFindings.of(outcome.result().report()));
      findings.addAll(ServerFindings.of(outcome.result().report(), role));
      findings.addAll(TimesyncdFindings.of(outcome.result().report(), scrape.hostTimeSeconds()));
    }
    findings.addAll(HostClockFindings.of(scrape));
    findings.addAll(PeerFindings.of(examination));
    boolean answered =
        scrape.outcomes().stream()
            .anyMatch(o -> Boolean.TRUE.equals(o.result().report().daemonUp()));
    if (answered && findings.stream().noneMatch(f -> f.severity().compareTo(Severity.INFO) > 0)) {
      findings.add(
          new Finding(
              "clock-healthy",
              Severity.OK,
              "host",
              "Nothing wrong found with this host's clock.",
              "every daemon that answered is synchronised within "
                  + (int) (SyncFindings.WARNING_OFFSET_SECONDS * 1000)
                  + " ms",
              "",
              ""));
    }
    findings.sort(Comparator.comparing(Finding::severity).reversed());
    return List.copyOf(findings);
  }

  /** The worst severity of {@code findings}; {@code OK} for none. */
  public static Severity worst(List<Finding> findings) {
    return findings.stream()
        .map(Finding::severity)
        .max(Comparator.naturalOrder())
        .orElse(Severity.OK);
  }
}
