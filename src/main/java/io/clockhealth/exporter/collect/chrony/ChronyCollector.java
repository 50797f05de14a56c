package io.clockhealth.exporter.collect.chrony;

import io.clockhealth.exporter.collect.DaemonCollector;
import io.clockhealth.exporter.collect.Reading;
import io.clockhealth.exporter.collect.Step;
import io.clockhealth.exporter.collect.ToolInvoker;
import io.clockhealth.exporter.config.ChronyClientsSettings;
import io.clockhealth.exporter.config.ToolSettings;
import io.clockhealth.exporter.exec.CommandRunner;
import io.clockhealth.exporter.model.Daemon;
import io.clockhealth.exporter.model.DaemonReport;
import io.clockhealth.exporter.model.HostClock;
import io.clockhealth.exporter.model.ServerClients;
import io.clockhealth.exporter.model.ServerStat;
import io.clockhealth.exporter.model.SourceStatus;
import io.clockhealth.exporter.model.SystemStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects chrony's view through one {@code chronyc -m -n -c tracking sources sourcestats activity
 * selectdata ntpdata authdata serverstats [clients]} per collection ({@code clients} only with
 * {@code --collector.chrony.clients}): the reports are independent reads, and one process costs
 * what one chronyc round trip costs instead of one process start each. Names are never resolved
 * ({@code -n}) and the CSV layout ({@code -c}) is requested; {@link ChronycBatch} splits the output
 * back per report.
 *
 * <p>The reports after {@code activity} answer only on chronyd's Unix socket: over UDP chronyd
 * refuses them with {@code 501 Not authorised}, and chronyc stops there. A refused report is
 * switched off for good, the call repeated without it (in the same collection, so nothing else is
 * lost), and once every refusal of that collection is known one log line names them and how to
 * allow them.
 */
public final class ChronyCollector implements DaemonCollector {

  private static final Logger LOG = LoggerFactory.getLogger(ChronyCollector.class);
  private static final String NOT_AUTHORISED = "501";

  /** Every report, in call order: the unprivileged ones first, so a refusal never hides them. */
  private static final List<ChronycBatch.Report<?>> REPORTS =
      List.of(
          ChronycBatch.TRACKING,
          ChronycBatch.SOURCES,
          ChronycBatch.SOURCESTATS,
          ChronycBatch.ACTIVITY,
          ChronycBatch.SELECTDATA,
          ChronycBatch.NTPDATA,
          ChronycBatch.AUTHDATA,
          ChronycBatch.SERVERSTATS);

  private final ToolInvoker chronyc;
  private final ChronyClientsSettings clients;
  private final List<ChronycBatch.Report<?>> reports;

  /** Reports chronyd refused over this connection; never asked again. */
  private final Set<ChronycBatch.Report<?>> refused = ConcurrentHashMap.newKeySet();

  public ChronyCollector(CommandRunner runner, ToolSettings settings) {
    this(runner, settings, ChronyClientsSettings.OFF);
  }

  /** With {@code clients} enabled, {@code clients} is asked last (it is socket-only too). */
  public ChronyCollector(
      CommandRunner runner, ToolSettings settings, ChronyClientsSettings clients) {
    this.chronyc =
        ToolInvoker.of(runner, settings, ToolInvoker.ExtraArguments.FIRST, ChronyErrors.DETECTOR);
    this.clients = clients;
    List<ChronycBatch.Report<?>> all = new ArrayList<>(REPORTS);
    if (clients.enabled()) {
      all.add(ChronycBatch.CLIENTS);
    }
    this.reports = List.copyOf(all);
  }

  @Override
  public Daemon daemon() {
    return Daemon.CHRONY;
  }

  @Override
  public Reading read() {
    List<String> refusedNow = new ArrayList<>();
    try {
      // Each pass either ends the collection or switches one privileged report off for good.
      while (true) {
        Attempt attempt = attempt();
        if (attempt.refusal() == null) {
          return withRefused(attempt.served());
        }
        refused.add(attempt.refusal());
        refusedNow.add(attempt.refusal().name());
      }
    } finally {
      if (!refusedNow.isEmpty()) {
        LOG.info(
            "collector=chrony chronyd refused {} over its UDP command port (501 Not authorised);"
                + " {} off. chronyd answers them only on its Unix socket"
                + " (/run/chrony/chronyd.sock): run the exporter as root or as chrony's user"
                + " (_chrony on Debian), which also lets it send commands that change the clock"
                + " (makestep, settime)",
            String.join(", ", refusedNow),
            refusedNow.size() == 1 ? "its metrics are" : "their metrics are");
      }
    }
  }

  /** The reading with the reports chronyd refuses to this client, in call order. */
  private Reading withRefused(Reading reading) {
    if (refused.isEmpty() || !(reading instanceof Reading.Read read)) {
      return reading;
    }
    return read.withRefused(
        reports.stream().filter(refused::contains).map(ChronycBatch.Report::name).toList());
  }

  /**
   * One chronyc call of the reports not refused.
   *
   * @param reading what the collection serves, when {@code refusal} is null
   * @param refusal a privileged report chronyd refused: the call is to be repeated without it
   */
  private record Attempt(@Nullable Reading reading, ChronycBatch.@Nullable Report<?> refusal) {
    Reading served() {
      return Objects.requireNonNull(reading, "no refusal, so a reading");
    }
  }

  private Attempt attempt() {
    ChronycBatch batch =
        new ChronycBatch(reports.stream().filter(r -> !refused.contains(r)).toList());
    List<String> arguments = new ArrayList<>(List.of("-m", "-n", "-c"));
    arguments.addAll(batch.commands());
    Step<ToolInvoker.Call> call = chronyc.execute(arguments);
    if (call.failed()) {
      return new Attempt(Reading.failed(call), null);
    }
    ToolInvoker.Call completed = Objects.requireNonNull(call.value(), "the call succeeded");
    Reports reports = new Reports(completed, batch);
    if (reports.unexplainedExit()) {
      // chronyc failed without saying why (killed by a signal, say): nothing it printed counts.
      return new Attempt(Reading.failed(completed.failedRun()), null);
    }
    Step<ChronyTracking> tracking =
        Objects.requireNonNull(reports.get(ChronycBatch.TRACKING), "tracking is always asked");
    Optional<Step<?>> down = reports.daemonStopped();
    if (down.isPresent()) {
      // chronyd did not answer, or died during this call: what it said before is not its state
      // now. Whichever report noticed, the cause is the same one, logged once.
      return new Attempt(new Reading.Unread(reports.daemonDown(down.get()), false), null);
    }
    Optional<ChronycBatch.Report<?>> refusal = reports.refusal();
    if (refusal.isPresent()) {
      return new Attempt(null, refusal.get());
    }
    if (tracking.failed()) {
      return new Attempt(Reading.failed(tracking), null);
    }
    List<String> problems = new ArrayList<>();
    SystemStatus system =
        ChronyReportMapper.system(Objects.requireNonNull(tracking.value(), "tracking succeeded"));
    SystemStatus.Builder withActivity = system.toBuilder();
    ok(reports.get(ChronycBatch.ACTIVITY), problems)
        .map(ChronyReportMapper::activity)
        .ifPresent(
            a -> withActivity.sourcesOnline(a.sourcesOnline()).sourcesOffline(a.sourcesOffline()));

    List<SourceStatus> sourceStatuses = List.of();
    Optional<List<ChronySourceStats>> statsRows =
        ok(reports.get(ChronycBatch.SOURCESTATS), problems);
    Optional<List<ChronySelectData>> selectionRows =
        ok(reports.get(ChronycBatch.SELECTDATA), problems);
    Optional<List<ChronyNtpData>> ntpRows = ok(reports.get(ChronycBatch.NTPDATA), problems);
    Optional<List<ChronyAuthData>> authRows = ok(reports.get(ChronycBatch.AUTHDATA), problems);
    Optional<List<ChronySource>> sourceRows = ok(reports.get(ChronycBatch.SOURCES), problems);
    if (sourceRows.isPresent()) {
      sourceStatuses =
          ChronyReportMapper.sources(
              sourceRows.get(),
              statsRows.orElse(List.of()),
              selectionRows.orElse(List.of()),
              ntpRows.orElse(List.of()),
              authRows.orElse(List.of()));
    }
    List<ServerStat> serverStats =
        ok(reports.get(ChronycBatch.SERVERSTATS), problems)
            .map(ChronyReportMapper::serverStats)
            .orElse(List.of());
    ServerClients clientStats =
        ok(reports.get(ChronycBatch.CLIENTS), problems)
            .map(c -> ChronyReportMapper.clients(c, clients.perClient()))
            .orElse(null);

    return new Attempt(
        new Reading.Read(
            new DaemonReport(
                Daemon.CHRONY,
                true,
                withActivity.build(),
                sourceStatuses,
                serverStats,
                HostClock.NONE,
                clientStats,
                null),
            problems),
        null);
  }

  /**
   * What a report said; empty when it was not asked ({@code null}: refused earlier, or opt-in) or
   * failed, the failure then added to {@code problems}.
   */
  private static <T> Optional<T> ok(@Nullable Step<T> step, List<String> problems) {
    if (step == null) {
      return Optional.empty();
    }
    if (step.failed()) {
      problems.add(Objects.requireNonNull(step.reason(), "a failed step has a reason"));
      return Optional.empty();
    }
    return Optional.ofNullable(step.value());
  }

  /** The reports of one batch call, each interpreted from its own share of the output. */
  private final class Reports {
    private final ToolInvoker.Call call;
    private final Map<ChronycBatch.Report<?>, ChronycBatch.Section> sections;
    private final Map<ChronycBatch.Report<?>, Step<?>> interpreted = new LinkedHashMap<>();

    Reports(ToolInvoker.Call call, ChronycBatch batch) {
      this.call = call;
      this.sections = batch.split(call.result().stdout(), call.result().stderr());
      sections.forEach((report, section) -> interpreted.put(report, interpret(report, section)));
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

    /** The first socket-only report chronyd refused to this client, in call order. */
    Optional<ChronycBatch.Report<?>> refusal() {
      return interpreted.entrySet().stream()
          .filter(e -> e.getKey().privileged() && e.getValue().failedWith(NOT_AUTHORISED))
          .<ChronycBatch.Report<?>>map(Map.Entry::getKey)
          .findFirst();
    }

    /** The first report, in call order, during which chronyd did not answer. */
    Optional<Step<?>> daemonStopped() {
      return Reading.daemonStopped(interpreted.values().toArray(Step<?>[]::new));
    }

    /** What {@code report} said; {@code null} when it is not in this call. */
    @SuppressWarnings("unchecked") // each step was interpreted by its own report's parser
    <T> @Nullable Step<T> get(ChronycBatch.Report<T> report) {
      return (Step<T>) interpreted.get(report);
    }

    private <T> Step<T> interpret(ChronycBatch.Report<T> report, ChronycBatch.Section section) {
      String command = call.command() + " (" + report.name() + ")";
      if (!section.ran()) {
        return Step.failure(
            command + " did not run: chronyc stopped at an earlier command's error",
            null,
            null,
            false);
      }
      return chronyc.interpret(command, section.output(), report.parser()::parse);
    }
  }
}
