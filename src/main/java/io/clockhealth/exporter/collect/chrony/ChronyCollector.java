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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

  /** One thread per command: single-flight means one collection at a time. */
  private final ExecutorService commands =
      Executors.newFixedThreadPool(
          4,
          runnable -> {
            Thread thread = new Thread(runnable, "chronyc");
            thread.setDaemon(true);
            return thread;
          });

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
    // The four commands are independent reads: asked together, a scrape costs about one chronyc
    // round trip instead of four. Each is bounded by the command timeout.
    boolean askServer = serverStatsEnabled.get();
    CompletableFuture<Step<ChronyTracking>> trackingRun = start("tracking", trackingParser::parse);
    CompletableFuture<Step<List<ChronySource>>> sourcesRun = start("sources", sourcesParser::parse);
    CompletableFuture<Step<List<ChronySourceStats>>> statsRun =
        start("sourcestats", sourceStatsParser::parse);
    CompletableFuture<Step<ChronyServerStats>> serverRun =
        askServer ? start("serverstats", serverStatsParser::parse) : null;
    Step<ChronyTracking> tracking = trackingRun.join();
    Step<List<ChronySource>> sources = sourcesRun.join();
    Step<List<ChronySourceStats>> stats = statsRun.join();
    Step<ChronyServerStats> server = serverRun == null ? null : serverRun.join();

    if (tracking.failed()) {
      failures.failure(tracking.reason());
      return new CollectionResult(false, DaemonReport.empty(Daemon.CHRONY, tracking.daemonUp()));
    }
    SystemStatus system = ChronyReportMapper.system(tracking.value());
    List<String> problems = new ArrayList<>();
    boolean daemonStoppedAnswering =
        Boolean.FALSE.equals(sources.daemonUp())
            || Boolean.FALSE.equals(stats.daemonUp())
            || (server != null && Boolean.FALSE.equals(server.daemonUp()));

    List<SourceStatus> sourceStatuses = List.of();
    if (sources.failed()) {
      problems.add(sources.reason());
    }
    if (stats.failed()) {
      problems.add(stats.reason());
    }
    if (!sources.failed()) {
      sourceStatuses =
          ChronyReportMapper.sources(sources.value(), stats.failed() ? List.of() : stats.value());
    }

    List<ServerStat> serverStats = List.of();
    if (server != null) {
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

  private <T> CompletableFuture<Step<T>> start(String command, OutputParser<T> parser) {
    return CompletableFuture.supplyAsync(() -> run(command, parser), commands);
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
