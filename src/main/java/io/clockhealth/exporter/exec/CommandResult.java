package io.clockhealth.exporter.exec;

import java.time.Duration;

/**
 * What running a {@link CommandSpec} produced. {@code stdout}/{@code stderr} are decoded as UTF-8
 * with invalid bytes replaced, so garbage output can never throw while being read.
 */
public record CommandResult(
    CommandSpec spec,
    Outcome outcome,
    int exitCode,
    String stdout,
    String stderr,
    Duration elapsed,
    String detail) {

  /** How the run ended. Only {@link #COMPLETED} carries output worth parsing. */
  public enum Outcome {
    /** The process exited by itself (with any exit code) within the limits. */
    COMPLETED,
    /** The process ran past its timeout and was killed together with its children. */
    TIMED_OUT,
    /** The executable does not exist (or is not on PATH). */
    NOT_FOUND,
    /** The executable exists but cannot be run. */
    NOT_EXECUTABLE,
    /** The process printed more than the output caps; what it printed was discarded. */
    OUTPUT_TOO_LARGE,
    /** The process could not be started for another reason. */
    FAILED_TO_START
  }

  public boolean completed() {
    return outcome == Outcome.COMPLETED;
  }

  /** stdout followed by stderr: chronyc prints its error replies on either. */
  public String combinedOutput() {
    if (stderr.isEmpty()) {
      return stdout;
    }
    if (stdout.isEmpty()) {
      return stderr;
    }
    return stdout + (stdout.endsWith("\n") ? "" : "\n") + stderr;
  }

  /** A one-line description of a failed run, for log lines and errors. */
  public String describeFailure() {
    return switch (outcome) {
      case COMPLETED -> "exited with code " + exitCode + firstLine(combinedOutput());
      case TIMED_OUT -> "timed out after " + spec.timeout().toMillis() + " ms and was killed";
      case NOT_FOUND -> "executable not found" + (detail.isEmpty() ? "" : ": " + detail);
      case NOT_EXECUTABLE -> "not executable" + (detail.isEmpty() ? "" : ": " + detail);
      case OUTPUT_TOO_LARGE ->
          "printed more than "
              + spec.maxOutputBytes()
              + " bytes or "
              + CommandSpec.MAX_OUTPUT_LINES
              + " lines; output discarded";
      case FAILED_TO_START -> "could not be started: " + detail;
    };
  }

  private static String firstLine(String text) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return "";
    }
    int newline = trimmed.indexOf('\n');
    String line = newline < 0 ? trimmed : trimmed.substring(0, newline);
    if (line.length() > 200) {
      line = line.substring(0, 200) + "...";
    }
    return ": " + line;
  }
}
