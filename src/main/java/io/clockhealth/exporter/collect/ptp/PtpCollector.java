package io.clockhealth.exporter.collect.ptp;

import io.clockhealth.exporter.collect.DaemonCollector;
import io.clockhealth.exporter.collect.Reading;
import io.clockhealth.exporter.collect.Step;
import io.clockhealth.exporter.collect.ToolInvoker;
import io.clockhealth.exporter.config.PtpSettings;
import io.clockhealth.exporter.config.ToolSettings;
import io.clockhealth.exporter.exec.CommandRunner;
import io.clockhealth.exporter.model.Daemon;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Collects ptp4l's view through one {@code pmc -u -b 0 'GET ...'} per collection with every data
 * set it needs: pmc sends the requests and prints each reply as it comes. {@code -b 0} asks only
 * the ptp4l behind the socket, not the clocks it talks to. A pmc that printed only its requests had
 * no ptp4l answering: the daemon is down; unless this user may not write to ptp4l's socket (pmc
 * says nothing of that either), then whether ptp4l runs is unknown.
 */
public final class PtpCollector implements DaemonCollector {

  /** The management IDs asked for, in the order pmc sends them: every one the parser reads. */
  static final List<String> DATA_SETS =
      PmcBatchParser.READ.stream().map(DataSet::managementId).toList();

  private final ToolInvoker pmc;
  private final List<String> arguments;
  private final Clock clock;
  private final PtpSettings ptp;
  private final Predicate<Path> writable;

  public PtpCollector(CommandRunner runner, ToolSettings settings, PtpSettings ptp) {
    this(runner, settings, ptp, Clock.systemUTC());
  }

  /**
   * @param clock what the last Sync's time is compared with: the host's wall clock but in tests
   */
  public PtpCollector(CommandRunner runner, ToolSettings settings, PtpSettings ptp, Clock clock) {
    this(runner, settings, ptp, clock, Files::isWritable);
  }

  /**
   * @param writable whether this process may write to a file (tests run as root, which may write
   *     anything)
   */
  PtpCollector(
      CommandRunner runner,
      ToolSettings settings,
      PtpSettings ptp,
      Clock clock,
      Predicate<Path> writable) {
    this.pmc =
        ToolInvoker.of(runner, settings, ToolInvoker.ExtraArguments.FIRST, PmcErrors.DETECTOR);
    List<String> args = new ArrayList<>(ptp.pmcOptions());
    args.add("-b");
    args.add("0");
    DATA_SETS.forEach(id -> args.add("GET " + id));
    this.arguments = List.copyOf(args);
    this.clock = clock;
    this.ptp = ptp;
    this.writable = writable;
  }

  private boolean socketNotWritable() {
    Path socket = Path.of(ptp.socket());
    return ptp.transport().equals("uds") && Files.exists(socket) && !writable.test(socket);
  }

  @Override
  public Daemon daemon() {
    return Daemon.PTP4L;
  }

  @Override
  public Reading read() {
    Step<ToolInvoker.Call> call = pmc.execute(arguments);
    if (call.failed()) {
      return Reading.failed(call);
    }
    ToolInvoker.Call completed = Objects.requireNonNull(call.value(), "the call succeeded");
    String combined = completed.result().combinedOutput();
    if (completed.result().exitCode() != 0 && PmcErrors.DETECTOR.find(combined).isEmpty()) {
      return Reading.failed(completed.failedRun());
    }
    // The no-reply check reads stderr too; the replies are on stdout.
    String stdout = completed.result().stdout();
    Step<PmcBatch> step =
        pmc.interpret(completed.command(), combined, any -> PtpFormats.BATCH.parse(stdout));
    if (step.failedWith(PmcErrors.NO_REPLY) && socketNotWritable()) {
      // pmc prints the same when ptp4l refuses a user: ptp4l may well be running.
      return new Reading.Unread(
          completed.command()
              + " got no reply, and ptp4l's socket "
              + ptp.socket()
              + " is not writable by this user: give the exporter write access to it",
          null);
    }
    if (step.failed()) {
      return Reading.failed(step);
    }
    PmcBatch batch = Objects.requireNonNull(step.value(), "the step succeeded");
    String command = completed.command();
    List<String> problems = new ArrayList<>();
    for (String refused : batch.refused()) {
      problems.add(command + ": ptp4l refused " + refused);
    }
    List<String> missing = new ArrayList<>();
    if (batch.current() == null) {
      missing.add(CurrentDataSet.DATA_SET.managementId());
    }
    if (batch.parent() == null) {
      missing.add(ParentDataSet.DATA_SET.managementId());
    }
    if (batch.ports() == null) {
      missing.add(PortDataSet.DATA_SET.managementId());
    }
    if (batch.timeStatus() == null) {
      missing.add(TimeStatus.DATA_SET.managementId());
    }
    if (batch.timeProperties() == null) {
      missing.add(TimeProperties.DATA_SET.managementId());
    }
    if (batch.defaults() == null) {
      missing.add(DefaultDataSet.DATA_SET.managementId());
    }
    if (!missing.isEmpty()) {
      problems.add(command + ": ptp4l did not answer " + String.join(", ", missing));
    }
    return new Reading.Read(PtpReportMapper.report(batch, clock.instant()), problems);
  }
}
