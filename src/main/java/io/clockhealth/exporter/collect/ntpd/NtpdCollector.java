package io.clockhealth.exporter.collect.ntpd;

import io.clockhealth.exporter.collect.DaemonCollector;
import io.clockhealth.exporter.collect.Reading;
import io.clockhealth.exporter.collect.Step;
import io.clockhealth.exporter.collect.ToolInvoker;
import io.clockhealth.exporter.config.ToolSettings;
import io.clockhealth.exporter.exec.CommandRunner;
import io.clockhealth.exporter.model.Daemon;
import io.clockhealth.exporter.model.DaemonReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Collects ntpd's (classic or ntpsec) view through one {@code ntpq -n -w -c rv -p} per collection:
 * the system variables, then the peers table (numeric, wide). ntpq runs every {@code -c}/{@code -p}
 * command in order in one process (ntpq is a Python script in ntpsec, so each start is costly). The
 * configured extra arguments follow the commands: ntpq takes the host to query last.
 */
public final class NtpdCollector implements DaemonCollector {

  private final ToolInvoker ntpq;

  public NtpdCollector(CommandRunner runner, ToolSettings settings) {
    this.ntpq =
        ToolInvoker.of(runner, settings, ToolInvoker.ExtraArguments.LAST, NtpqErrors.DETECTOR);
  }

  @Override
  public Daemon daemon() {
    return Daemon.NTPD;
  }

  @Override
  public Reading read() {
    Step<ToolInvoker.Call> call = ntpq.execute(List.of("-n", "-w", "-c", "rv", "-p"));
    if (call.failed()) {
      return Reading.failed(call);
    }
    ToolInvoker.Call completed = Objects.requireNonNull(call.value(), "the call succeeded");
    if (completed.result().exitCode() != 0
        && NtpqErrors.DETECTOR.find(completed.result().combinedOutput()).isEmpty()) {
      return Reading.failed(completed.failedRun());
    }
    NtpqBatch batch = NtpqBatch.split(completed.result().stdout(), completed.result().stderr());
    String command = completed.command();
    Step<NtpqSysVars> rv =
        ntpq.interpret(command + " (rv)", batch.rv(), NtpdFormats.SYSVARS::parse);
    if (rv.failed()) {
      return Reading.failed(rv);
    }
    Step<List<NtpqPeer>> peers =
        ntpq.interpret(command + " (peers)", batch.peers(), NtpdFormats.PEERS::parse);
    if (Reading.daemonStopped(peers).isPresent()) {
      return Reading.failed(peers);
    }
    List<NtpqPeer> peerList = List.of();
    List<String> problems = new ArrayList<>();
    if (peers.failedWith(NtpqErrors.NO_ASSOCIATIONS)) {
      // ntpd answered and has no sources configured: an empty table, not a failure.
    } else if (peers.failed()) {
      problems.add(peers.reason());
    } else {
      peerList = Objects.requireNonNull(peers.value(), "peers succeeded");
    }
    return new Reading.Read(
        new DaemonReport(
            Daemon.NTPD,
            true,
            NtpdReportMapper.system(Objects.requireNonNull(rv.value(), "rv succeeded"), peerList),
            NtpdReportMapper.sources(peerList),
            List.of()),
        problems);
  }
}
