package io.clockhealth.exporter.collect.chrony;

import io.clockhealth.exporter.collect.CollectionResult;
import io.clockhealth.exporter.collect.DaemonCollector;
import io.clockhealth.exporter.collect.FailureLog;
import io.clockhealth.exporter.collect.OutputParser;
import io.clockhealth.exporter.collect.Step;
import io.clockhealth.exporter.collect.ToolError;
import io.clockhealth.exporter.collect.ToolInvoker;
import io.clockhealth.exporter.config.ToolSettings;
import io.clockhealth.exporter.exec.CommandRunner;
import io.clockhealth.exporter.metrics.Daemon;
import io.clockhealth.exporter.metrics.DaemonReport;
import io.clockhealth.exporter.metrics.ServerStat;
import io.clockhealth.exporter.metrics.SourceStatus;
import io.clockhealth.exporter.metrics.SystemStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects chrony's view through {@code chronyc -n -c tracking|sources|sourcestats|serverstats}.
 * Names are never resolved ({@code -n}) and the CSV layout ({@code -c}) is requested, though the
 * parsers accept the human layout too.
 */
public final class ChronyCollector implements DaemonCollector {

  private static final Logger LOG = LoggerFactory.getLogger(ChronyCollector.class);
  private static final String NOT_AUTHORISED = "501";
  private static final String CANNOT_TALK_TO_DAEMON = "506";

  private final ToolInvoker chronyc;
  private final FailureLog failures = new FailureLog(LOG, "chrony");
  private final AtomicBoolean serverStatsEnabled = new AtomicBoolean(true);
  private final TrackingParser trackingParser = new TrackingParser();
  private final SourcesParser sourcesParser = new SourcesParser();
  private final SourceStatsParser sourceStatsParser = new SourceStatsParser();
  private final ServerStatsParser serverStatsParser = new ServerStatsParser();

  public ChronyCollector(CommandRunner runner, ToolSettings settings) {
    this.chronyc =
        ToolInvoker.of(
            runner, settings, ToolInvoker.ExtraArguments.FIRST, ChronyCollector::errorReply);
  }

  @Override
  public Daemon daemon() {
    return Daemon.CHRONY;
  }

  @Override
  public CollectionResult collect() {
    Step<ChronyTracking> tracking = run("tracking", trackingParser::parse);
    if (tracking.failed()) {
      failures.failure(tracking.reason());
      return new CollectionResult(false, DaemonReport.empty(Daemon.CHRONY, tracking.daemonUp()));
    }
    SystemStatus system = ChronyReportMapper.system(tracking.value());
    List<String> problems = new ArrayList<>();

    Step<List<ChronySource>> sources = run("sources", sourcesParser::parse);
    List<SourceStatus> sourceStatuses = List.of();
    boolean daemonHung = sources.timedOut();
    boolean daemonStoppedAnswering = Boolean.FALSE.equals(sources.daemonUp());
    if (sources.failed()) {
      problems.add(sources.reason());
    }
    // A timed-out command means the daemon stopped answering: asking again only adds timeouts.
    if (!daemonHung) {
      Step<List<ChronySourceStats>> stats = run("sourcestats", sourceStatsParser::parse);
      daemonHung = stats.timedOut();
      daemonStoppedAnswering |= Boolean.FALSE.equals(stats.daemonUp());
      if (stats.failed()) {
        problems.add(stats.reason());
      }
      if (!sources.failed()) {
        sourceStatuses =
            ChronyReportMapper.sources(sources.value(), stats.failed() ? List.of() : stats.value());
      }
    }

    List<ServerStat> serverStats = List.of();
    if (serverStatsEnabled.get() && !daemonHung && !daemonStoppedAnswering) {
      Step<ChronyServerStats> server = run("serverstats", serverStatsParser::parse);
      if (server.failedWith(NOT_AUTHORISED)) {
        // chronyd refuses serverstats over UDP unless the client is allowed (cmdallow);
        // that is a setting, not a failure: stop asking, keep everything else.
        serverStatsEnabled.set(false);
        LOG.info(
            "collector=chrony serverstats disabled: {}; server-role metrics are off",
            server.reason());
      } else if (server.failed()) {
        problems.add(server.reason());
      } else {
        serverStats = ChronyReportMapper.serverStats(server.value());
      }
    }

    if (problems.isEmpty()) {
      failures.success();
    } else {
      failures.failure(String.join("; ", problems));
    }
    if (daemonStoppedAnswering) {
      // chronyd died during this scrape: what it said before is not its state now.
      return new CollectionResult(false, DaemonReport.empty(Daemon.CHRONY, false));
    }
    return new CollectionResult(
        problems.isEmpty(),
        new DaemonReport(Daemon.CHRONY, true, system, sourceStatuses, serverStats));
  }

  private <T> Step<T> run(String command, OutputParser<T> parser) {
    return chronyc.run(List.of("-n", "-c", command), parser);
  }

  /**
   * chronyc's 5xx replies and its own connection failures. 506 and "Could not open connection to
   * daemon" mean chronyd did not answer; the other replies came from a live chronyd.
   */
  private static Optional<ToolError> errorReply(String output) {
    return ChronyErrorReply.find(output)
        .map(
            reply -> {
              String code = String.valueOf(reply.code());
              boolean answered =
                  reply.code() != ChronyErrorReply.NO_REPLY && !CANNOT_TALK_TO_DAEMON.equals(code);
              return new ToolError(code, reply.line(), answered);
            });
  }
}
