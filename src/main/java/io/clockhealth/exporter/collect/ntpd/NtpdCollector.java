package io.clockhealth.exporter.collect.ntpd;

import io.clockhealth.exporter.collect.CollectionResult;
import io.clockhealth.exporter.collect.DaemonCollector;
import io.clockhealth.exporter.collect.FailureLog;
import io.clockhealth.exporter.collect.Step;
import io.clockhealth.exporter.collect.ToolInvoker;
import io.clockhealth.exporter.config.ToolSettings;
import io.clockhealth.exporter.exec.CommandRunner;
import io.clockhealth.exporter.model.Daemon;
import io.clockhealth.exporter.model.DaemonReport;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects ntpd's (classic or ntpsec) view through one {@code ntpq -n -w -c rv -p} per collection:
 * the system variables, then the peers table (numeric, wide). ntpq runs every {@code -c}/{@code -p}
 * command in order in one process (ntpq is a Python script in ntpsec, so each start is costly). The
 * configured extra arguments follow the commands: ntpq takes the host to query last.
 */
public final class NtpdCollector implements DaemonCollector {

  private static final Logger LOG = LoggerFactory.getLogger(NtpdCollector.class);

  private final ToolInvoker ntpq;
  private final FailureLog failures = new FailureLog(LOG, "ntpd");

  public NtpdCollector(CommandRunner runner, ToolSettings settings) {
    this.ntpq =
        ToolInvoker.of(runner, settings, ToolInvoker.ExtraArguments.LAST, NtpqErrors.DETECTOR);
  }

  @Override
  public Daemon daemon() {
    return Daemon.NTPD;
  }

  @Override
  public CollectionResult collect() {
    Step<ToolInvoker.Call> call = ntpq.execute(List.of("-n", "-w", "-c", "rv", "-p"));
    if (call.failed()) {
      failures.failure(call.reason());
      return new CollectionResult(false, DaemonReport.empty(Daemon.NTPD, call.daemonUp()));
    }
    if (call.value().result().exitCode() != 0
        && NtpqErrors.DETECTOR.find(call.value().result().combinedOutput()).isEmpty()) {
      Step<Void> failed = call.value().failedRun();
      failures.failure(failed.reason());
      return new CollectionResult(false, DaemonReport.empty(Daemon.NTPD, null));
    }
    NtpqBatch batch =
        NtpqBatch.split(call.value().result().stdout(), call.value().result().stderr());
    String command = call.value().command();
    Step<NtpqSysVars> rv =
        ntpq.interpret(command + " (rv)", batch.rv(), NtpdFormats.SYSVARS::parse);
    if (rv.failed()) {
      failures.failure(rv.reason());
      return new CollectionResult(false, DaemonReport.empty(Daemon.NTPD, rv.daemonUp()));
    }
    Step<List<NtpqPeer>> peers =
        ntpq.interpret(command + " (peers)", batch.peers(), NtpdFormats.PEERS::parse);
    if (Boolean.FALSE.equals(peers.daemonUp())) {
      // ntpd died during this scrape: what it said before is not its state now.
      failures.failure(peers.reason());
      return new CollectionResult(false, DaemonReport.empty(Daemon.NTPD, false));
    }
    List<NtpqPeer> peerList;
    boolean success;
    if (peers.failedWith(NtpqErrors.NO_ASSOCIATIONS)) {
      // ntpd answered and has no sources configured: an empty table, not a failure.
      peerList = List.of();
      success = true;
    } else if (peers.failed()) {
      peerList = List.of();
      success = false;
      failures.failure(peers.reason());
    } else {
      peerList = peers.value();
      success = true;
    }
    if (success) {
      failures.success();
    }
    return new CollectionResult(
        success,
        new DaemonReport(
            Daemon.NTPD,
            true,
            NtpdReportMapper.system(rv.value(), peerList),
            success ? NtpdReportMapper.sources(peerList) : List.of(),
            List.of()));
  }
}
