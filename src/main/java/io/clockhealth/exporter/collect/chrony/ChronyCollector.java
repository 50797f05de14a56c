package io.clockhealth.exporter.collect.chrony;

import io.clockhealth.exporter.collect.CollectionResult;
import io.clockhealth.exporter.collect.DaemonCollector;
import io.clockhealth.exporter.collect.FailureLog;
import io.clockhealth.exporter.exec.CommandResult;
import io.clockhealth.exporter.exec.CommandRunner;
import io.clockhealth.exporter.exec.CommandSpec;
import io.clockhealth.exporter.metrics.Daemon;
import io.clockhealth.exporter.metrics.DaemonReport;
import io.clockhealth.exporter.metrics.ServerStat;
import io.clockhealth.exporter.metrics.SourceStatus;
import io.clockhealth.exporter.metrics.SystemStatus;
import io.clockhealth.exporter.parse.ParseException;
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
  private static final int NOT_AUTHORISED = 501;
  private static final int CANNOT_TALK_TO_DAEMON = 506;

  private final CommandRunner runner;
  private final ChronySettings settings;
  private final FailureLog failures = new FailureLog(LOG, "chrony");
  private final AtomicBoolean serverStatsEnabled = new AtomicBoolean(true);
  private final TrackingParser trackingParser = new TrackingParser();
  private final SourcesParser sourcesParser = new SourcesParser();
  private final SourceStatsParser sourceStatsParser = new SourceStatsParser();
  private final ServerStatsParser serverStatsParser = new ServerStatsParser();

  public ChronyCollector(CommandRunner runner, ChronySettings settings) {
    this.runner = runner;
    this.settings = settings;
  }

  @Override
  public String name() {
    return Daemon.CHRONY.label();
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
    // A timed-out command means the daemon stopped answering: asking again only adds timeouts.
    Step<List<ChronySourceStats>> stats =
        sources.timedOut() ? sources.skipped() : run("sourcestats", sourceStatsParser::parse);
    List<SourceStatus> sourceStatuses = List.of();
    if (sources.failed()) {
      problems.add(sources.reason());
    } else {
      if (stats.failed()) {
        problems.add(stats.reason());
      }
      sourceStatuses =
          ChronyReportMapper.sources(sources.value(), stats.failed() ? List.of() : stats.value());
    }

    List<ServerStat> serverStats = List.of();
    if (serverStatsEnabled.get() && !sources.timedOut() && !stats.timedOut()) {
      Step<ChronyServerStats> server = run("serverstats", serverStatsParser::parse);
      if (server.errorCode() == NOT_AUTHORISED) {
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
    return new CollectionResult(
        problems.isEmpty(),
        new DaemonReport(Daemon.CHRONY, true, system, sourceStatuses, serverStats));
  }

  private <T> Step<T> run(String command, Parser<T> parser) {
    List<String> arguments = new ArrayList<>(settings.extraArguments());
    arguments.add("-n");
    arguments.add("-c");
    arguments.add(command);
    CommandSpec spec =
        new CommandSpec(
            settings.chronycPath(), arguments, settings.timeout(), settings.maxOutputBytes());
    CommandResult result = runner.run(spec);
    String quoted = "command \"" + spec.display() + "\"";
    if (!result.completed()) {
      boolean timedOut = result.outcome() == CommandResult.Outcome.TIMED_OUT;
      return Step.failure(
          quoted + " " + result.describeFailure(), timedOut ? Boolean.FALSE : null, 0, timedOut);
    }
    Optional<ChronyErrorReply> reply = ChronyErrorReply.find(result.combinedOutput());
    if (reply.isPresent()) {
      int code = reply.get().code();
      // 506: chronyc ran but chronyd did not answer. Other 5xx replies came from a live daemon.
      return Step.failure(
          quoted + " got the daemon's error reply \"" + reply.get().line().strip() + "\"",
          code != CANNOT_TALK_TO_DAEMON,
          code,
          false);
    }
    if (result.exitCode() != 0) {
      return Step.failure(quoted + " " + result.describeFailure(), null, 0, false);
    }
    try {
      return Step.success(parser.parse(result.stdout()));
    } catch (ParseException e) {
      return Step.failure(
          quoted + " printed unparseable output: " + e.getMessage(), null, 0, false);
    }
  }

  @FunctionalInterface
  private interface Parser<T> {
    T parse(String text) throws ParseException;
  }

  /** The outcome of one chronyc command: a parsed value, or why there is none. */
  private record Step<T>(
      T value, String reason, Boolean daemonUp, int errorCode, boolean timedOut) {

    static <T> Step<T> success(T value) {
      return new Step<>(value, null, true, 0, false);
    }

    static <T> Step<T> failure(String reason, Boolean daemonUp, int errorCode, boolean timedOut) {
      return new Step<>(null, reason, daemonUp, errorCode, timedOut);
    }

    <U> Step<U> skipped() {
      return new Step<>(null, reason, daemonUp, errorCode, timedOut);
    }

    boolean failed() {
      return reason != null;
    }
  }
}
