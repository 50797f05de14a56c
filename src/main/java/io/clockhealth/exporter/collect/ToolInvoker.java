package io.clockhealth.exporter.collect;

import io.clockhealth.exporter.config.ToolSettings;
import io.clockhealth.exporter.exec.CommandResult;
import io.clockhealth.exporter.exec.CommandRunner;
import io.clockhealth.exporter.exec.CommandSpec;
import io.clockhealth.exporter.parse.ParseException;
import io.clockhealth.exporter.parse.ToolErrorDetector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs one tool's commands and turns every way they can fail into a {@link Step} with a reason that
 * names the command: not runnable, timed out, the tool's own error message, a non-zero exit, or
 * output that does not parse. Shared by every daemon collector.
 */
public final class ToolInvoker {

  private final CommandRunner runner;
  private final String executable;
  private final List<String> leadingArguments;
  private final List<String> trailingArguments;
  private final Duration timeout;
  private final int maxOutputBytes;
  private final ToolErrorDetector errors;

  public ToolInvoker(
      CommandRunner runner,
      String executable,
      List<String> leadingArguments,
      List<String> trailingArguments,
      Duration timeout,
      int maxOutputBytes,
      ToolErrorDetector errors) {
    this.runner = runner;
    this.executable = executable;
    this.leadingArguments = List.copyOf(leadingArguments);
    this.trailingArguments = List.copyOf(trailingArguments);
    this.timeout = timeout;
    this.maxOutputBytes = maxOutputBytes;
    this.errors = errors;
  }

  /** Where a tool takes the configured extra arguments. */
  public enum ExtraArguments {
    /** Before the command, like chronyc's {@code -h host} or timedatectl's {@code -H}. */
    FIRST,
    /** After the command, like ntpq's host. */
    LAST
  }

  /** An invoker for one collector's configured tool. */
  public static ToolInvoker of(
      CommandRunner runner,
      ToolSettings settings,
      ExtraArguments placement,
      ToolErrorDetector errors) {
    boolean first = placement == ExtraArguments.FIRST;
    return new ToolInvoker(
        runner,
        settings.path(),
        first ? settings.args() : List.of(),
        first ? List.of() : settings.args(),
        settings.timeout(),
        settings.maxOutputBytes(),
        errors);
  }

  /**
   * Runs {@code executable [leading] arguments [trailing]} and parses its stdout. The configured
   * extra arguments go where the tool expects them: chronyc's options before the command, ntpq's
   * host after it.
   */
  public <T> Step<T> run(List<String> arguments, OutputParser<T> parser) {
    Step<Call> call = execute(arguments);
    if (call.failed()) {
      return call.skippedAs();
    }
    // A step that did not fail carries its value.
    Call completed = Objects.requireNonNull(call.value());
    Optional<Step<T>> error = toolError(completed.command(), completed.result().combinedOutput());
    if (error.isPresent()) {
      return error.get();
    }
    if (completed.result().exitCode() != 0) {
      return completed.failedRun();
    }
    return parse(completed.command(), completed.result().stdout(), parser);
  }

  /**
   * One run of the tool that completed (any exit code), for callers that split one run's output
   * between several commands.
   *
   * @param command how log lines name it: {@code command "chronyc -m ..."}
   */
  public record Call(String command, CommandResult result) {

    /** This run, failed for its exit code. */
    public <T> Step<T> failedRun() {
      return Step.failure(command + " " + result.describeFailure(), null, null, false);
    }
  }

  /**
   * Runs the tool without looking at what it printed. A run that did not complete (not runnable,
   * timed out, too much output) is a failure here already.
   */
  public Step<Call> execute(List<String> arguments) {
    List<String> all = new ArrayList<>(leadingArguments);
    all.addAll(arguments);
    all.addAll(trailingArguments);
    CommandSpec spec = new CommandSpec(executable, all, timeout, maxOutputBytes);
    CommandResult result = runner.run(spec);
    String command = "command \"" + spec.display() + "\"";
    if (!result.completed()) {
      boolean timedOut = result.outcome() == CommandResult.Outcome.TIMED_OUT;
      // A hang is the daemon not answering; a missing tool says nothing about the daemon.
      return Step.failure(
          command + " " + result.describeFailure(),
          timedOut ? Boolean.FALSE : null,
          null,
          timedOut);
    }
    return Step.success(new Call(command, result));
  }

  /**
   * What one command's share of a run's output says: the tool's error message if it printed one,
   * else its parsed value.
   *
   * @param command names the command in the failure reason
   */
  public <T> Step<T> interpret(String command, String output, OutputParser<T> parser) {
    Optional<Step<T>> error = toolError(command, output);
    return error.isPresent() ? error.get() : parse(command, output, parser);
  }

  private <T> Optional<Step<T>> toolError(String command, String output) {
    return errors
        .find(output)
        .map(
            error ->
                Step.<T>failure(
                    command + " reported \"" + error.line().strip() + "\"",
                    error.daemonAnswered(),
                    error,
                    false));
  }

  private static <T> Step<T> parse(String command, String output, OutputParser<T> parser) {
    try {
      return Step.success(parser.parse(output));
    } catch (ParseException e) {
      return Step.failure(
          command + " printed unparseable output: " + e.getMessage(), null, null, false);
    }
  }
}
