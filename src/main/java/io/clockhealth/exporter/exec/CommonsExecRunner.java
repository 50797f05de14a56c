package io.clockhealth.exporter.exec;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteException;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;

/**
 * Runs commands through Apache Commons Exec: an argument list (no shell), {@code LC_ALL=C} so the
 * tools print the English, dot-decimal layout the parsers expect, a watchdog that kills the whole
 * process tree on timeout, and a cap on the output kept.
 */
public final class CommonsExecRunner implements CommandRunner {

  /** How long to wait for the output pumps after the process is gone. */
  private static final Duration PUMP_STOP_TIMEOUT = Duration.ofMillis(250);

  private final ExecutableResolver resolver;
  private final Map<String, String> environment;

  public CommonsExecRunner() {
    this(new ExecutableResolver(), System.getenv());
  }

  public CommonsExecRunner(ExecutableResolver resolver, Map<String, String> baseEnvironment) {
    this.resolver = resolver;
    Map<String, String> env = new HashMap<>(baseEnvironment);
    env.put("LC_ALL", "C");
    env.put("LANG", "C");
    this.environment = Map.copyOf(env);
  }

  @Override
  public CommandResult run(CommandSpec spec) {
    long start = System.nanoTime();
    Optional<Path> executable = resolver.resolve(spec.executable());
    if (executable.isEmpty()) {
      CommandResult.Outcome outcome =
          resolver.existsButNotExecutable(spec.executable())
              ? CommandResult.Outcome.NOT_EXECUTABLE
              : CommandResult.Outcome.NOT_FOUND;
      return result(spec, outcome, -1, "", "", start, spec.executable());
    }

    CommandLine commandLine = new CommandLine(executable.get().toString());
    for (String argument : spec.arguments()) {
      // false: pass the argument verbatim; Commons Exec must not add quotes.
      commandLine.addArgument(argument, false);
    }
    BoundedOutputStream stdout =
        new BoundedOutputStream(spec.maxOutputBytes(), CommandSpec.MAX_OUTPUT_LINES);
    BoundedOutputStream stderr =
        new BoundedOutputStream(spec.maxOutputBytes(), CommandSpec.MAX_OUTPUT_LINES);
    PumpStreamHandler streams = new PumpStreamHandler(stdout, stderr);
    streams.setStopTimeout(PUMP_STOP_TIMEOUT);
    TreeKillingWatchdog watchdog = new TreeKillingWatchdog(spec.timeout());

    DefaultExecutor executor = DefaultExecutor.builder().get();
    executor.setStreamHandler(streams);
    executor.setWatchdog(watchdog);
    executor.setExitValues(null); // any exit code is an answer; the caller interprets it

    int exitCode;
    try {
      exitCode = executor.execute(commandLine, environment);
    } catch (ExecuteException e) {
      exitCode = e.getExitValue();
    } catch (IOException e) {
      return result(
          spec,
          CommandResult.Outcome.FAILED_TO_START,
          -1,
          "",
          "",
          start,
          String.valueOf(e.getMessage()));
    }

    if (watchdog.timedOut()) {
      return result(
          spec, CommandResult.Outcome.TIMED_OUT, exitCode, stdout.text(), stderr.text(), start, "");
    }
    if (stdout.overflowed() || stderr.overflowed()) {
      return result(spec, CommandResult.Outcome.OUTPUT_TOO_LARGE, exitCode, "", "", start, "");
    }
    return result(
        spec, CommandResult.Outcome.COMPLETED, exitCode, stdout.text(), stderr.text(), start, "");
  }

  private static CommandResult result(
      CommandSpec spec,
      CommandResult.Outcome outcome,
      int exitCode,
      String stdout,
      String stderr,
      long startNanos,
      String detail) {
    Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
    return new CommandResult(spec, outcome, exitCode, stdout, stderr, elapsed, detail);
  }

  /**
   * Commons Exec's watchdog destroys only the direct child. A wrapper script that forks (or a tool
   * that spawns helpers) would leave its children running and holding our pipes, so on timeout we
   * kill the descendants first.
   */
  private static final class TreeKillingWatchdog extends ExecuteWatchdog {

    private volatile Process process;
    private volatile boolean timedOut;

    @SuppressWarnings("deprecation") // the builder's product cannot be subclassed
    TreeKillingWatchdog(Duration timeout) {
      super(timeout.toMillis());
    }

    @Override
    public synchronized void start(Process process) {
      this.process = process;
      super.start(process);
    }

    /**
     * Whether the timeout struck. Not {@code killedProcess()}: once the children are gone the
     * parent may exit by itself before the base class looks, which it then counts as no kill.
     */
    boolean timedOut() {
      return timedOut;
    }

    @Override
    public synchronized void timeoutOccured(org.apache.commons.exec.Watchdog watchdog) {
      timedOut = true;
      Process running = process;
      if (running != null) {
        running.descendants().forEach(ProcessHandle::destroyForcibly);
      }
      super.timeoutOccured(watchdog);
      if (running != null) {
        running.destroyForcibly();
      }
    }
  }
}
