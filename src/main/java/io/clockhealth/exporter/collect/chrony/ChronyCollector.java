package io.clockhealth.exporter.collect.chrony;

import io.clockhealth.exporter.collect.DaemonCollector;
import io.clockhealth.exporter.collect.OutputParser;
import io.clockhealth.exporter.collect.Reading;
import io.clockhealth.exporter.collect.Step;
import io.clockhealth.exporter.collect.ToolInvoker;
import io.clockhealth.exporter.config.ToolSettings;
import io.clockhealth.exporter.exec.CommandRunner;
import io.clockhealth.exporter.model.Daemon;
import io.clockhealth.exporter.model.DaemonReport;
import io.clockhealth.exporter.model.ServerStat;
import io.clockhealth.exporter.model.SourceStatus;
import io.clockhealth.exporter.model.SystemStatus;
import io.clockhealth.exporter.parse.ControlCharacters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects chrony's view through one {@code chronyc -m -n -c tracking sources sourcestats
 * serverstats} per collection: the reports are independent reads, and one process costs what one
 * chronyc round trip costs instead of four process starts. Names are never resolved ({@code -n})
 * and the CSV layout ({@code -c}) is requested; {@link ChronycBatch} splits the output back per
 * report.
 */
public final class ChronyCollector implements DaemonCollector {

  private static final Logger LOG = LoggerFactory.getLogger(ChronyCollector.class);
  private static final String NOT_AUTHORISED = "501";

  private static final ChronycBatch WITH_SERVER =
      new ChronycBatch(
          List.of(
              ChronycBatch.TRACKING,
              ChronycBatch.SOURCES,
              ChronycBatch.SOURCESTATS,
              ChronycBatch.SERVERSTATS));
  private static final ChronycBatch WITHOUT_SERVER =
      new ChronycBatch(
          List.of(ChronycBatch.TRACKING, ChronycBatch.SOURCES, ChronycBatch.SOURCESTATS));

  private final ToolInvoker chronyc;
  private final AtomicBoolean serverStatsEnabled = new AtomicBoolean(true);

  public ChronyCollector(CommandRunner runner, ToolSettings settings) {
    this.chronyc =
        ToolInvoker.of(runner, settings, ToolInvoker.ExtraArguments.FIRST, ChronyErrors.DETECTOR);
  }

  @Override
  public Daemon daemon() {
    return Daemon.CHRONY;
  }

  @Override
  public Reading read() {
    boolean askServer = serverStatsEnabled.get();
    ChronycBatch batch = askServer ? WITH_SERVER : WITHOUT_SERVER;
    List<String> arguments = new ArrayList<>(List.of("-m", "-n", "-c"));
    arguments.addAll(batch.commands());
    Step<ToolInvoker.Call> call = chronyc.execute(arguments);
    if (call.failed()) {
      return Reading.failed(call);
    }
    ToolInvoker.Call completed = Objects.requireNonNull(call.value(), "the call succeeded");
    Reports reports = new Reports(completed, batch);
    if (reports.unexplainedExit()) {
      // chronyc failed without saying why (killed by a signal, say): nothing it printed counts.
      return Reading.failed(completed.failedRun());
    }
    Step<ChronyTracking> tracking =
        reports.get(ChronycBatch.TRACKING, ChronyFormats.TRACKING::parse);
    Step<List<ChronySource>> sources =
        reports.get(ChronycBatch.SOURCES, ChronyFormats.SOURCES::parse);
    Step<List<ChronySourceStats>> stats =
        reports.get(ChronycBatch.SOURCESTATS, ChronyFormats.SOURCESTATS::parse);
    Step<ChronyServerStats> server =
        askServer ? reports.get(ChronycBatch.SERVERSTATS, ChronyFormats.SERVERSTATS::parse) : null;

    Optional<Step<?>> down = Reading.daemonStopped(tracking, sources, stats, server);
    if (down.isPresent()) {
      // chronyd did not answer, or died during this call: what it said before is not its state
      // now. Whichever report noticed, the cause is the same one, logged once.
      return new Reading.Unread(reports.daemonDown(down.get()), false);
    }
    if (tracking.failed()) {
      return Reading.failed(tracking);
    }
    SystemStatus system =
        ChronyReportMapper.system(Objects.requireNonNull(tracking.value(), "tracking succeeded"));
    List<String> problems = new ArrayList<>();

    List<SourceStatus> sourceStatuses = List.of();
    if (sources.failed()) {
      problems.add(sources.reason());
    }
    if (stats.failed()) {
      problems.add(stats.reason());
    }
    if (!sources.failed()) {
      sourceStatuses =
          ChronyReportMapper.sources(
              Objects.requireNonNull(sources.value(), "sources succeeded"),
              stats.failed()
                  ? List.of()
                  : Objects.requireNonNull(stats.value(), "sourcestats succeeded"));
    }

    List<ServerStat> serverStats = List.of();
    if (server != null) {
      if (server.failedWith(NOT_AUTHORISED)) {
        // chronyd refuses serverstats over UDP unless the client is allowed (cmdallow);
        // that is a setting, not a failure: stop asking, keep everything else.
        serverStatsEnabled.set(false);
        LOG.info(
            "collector=chrony serverstats disabled: {}; server-role metrics are off",
            ControlCharacters.escape(server.reason()));
      } else if (server.failed()) {
        problems.add(server.reason());
      } else {
        serverStats =
            ChronyReportMapper.serverStats(
                Objects.requireNonNull(server.value(), "serverstats succeeded"));
      }
    }

    return new Reading.Read(
        new DaemonReport(Daemon.CHRONY, true, system, sourceStatuses, serverStats), problems);
  }

  /** The reports of one batch call, each interpreted from its own share of the output. */
  private final class Reports {
    private final ToolInvoker.Call call;
    private final Map<ChronycBatch.Report, ChronycBatch.Section> sections;

    Reports(ToolInvoker.Call call, ChronycBatch batch) {
      this.call = call;
      this.sections = batch.split(call.result().stdout(), call.result().stderr());
    }

    /** A non-zero exit that no report's error line explains. */
    boolean unexplainedExit() {
      return call.result().exitCode() != 0
          && sections.values().stream()
              .allMatch(s -> s.ran() && ChronyErrors.DETECTOR.find(s.output()).isEmpty());
    }

    /** The log line for a daemon that did not answer: the call and chronyc's words. */
    String daemonDown(Step<?> step) {
      return step.error() == null
          ? Objects.requireNonNull(step.reason(), "the daemon stopped during a failed step")
          : call.command() + " reported \"" + step.error().line().strip() + "\"";
    }

    <T> Step<T> get(ChronycBatch.Report report, OutputParser<T> parser) {
      ChronycBatch.Section section =
          Objects.requireNonNull(sections.get(report), "the batch splits into all its reports");
      String command = call.command() + " (" + report.name() + ")";
      if (!section.ran()) {
        return Step.failure(
            command + " did not run: chronyc stopped at an earlier command's error",
            null,
            null,
            false);
      }
      return chronyc.interpret(command, section.output(), parser);
    }
  }
}
