package io.clockhealth.exporter.collect;

import io.clockhealth.exporter.model.DaemonReport;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a daemon collector learnt from its tool in one collection, and nothing more: success, the
 * report served, the duration and the failure log are decided once, in {@link DaemonRun}.
 */
public sealed interface Reading {

  /**
   * Nothing usable: the tool could not run, its output did not parse, or the daemon did not answer
   * (then what it said before is not its state now, so nothing of this run is served).
   *
   * @param reason the log line: the command and why
   * @param daemonUp whether the daemon answered; {@code null} when that is unknown
   */
  record Unread(String reason, @Nullable Boolean daemonUp) implements Reading {}

  /**
   * The daemon answered.
   *
   * @param report what it said
   * @param problems the log lines of the commands that failed; the report holds what the others
   *     said, and the collection is unsuccessful unless this is empty
   * @param refused the commands the daemon refuses to this client (chronyd's 501 Not authorised
   *     over UDP): not failures, but what is not seen
   */
  record Read(DaemonReport report, List<String> problems, List<String> refused) implements Reading {
    public Read {
      problems = List.copyOf(problems);
      refused = List.copyOf(refused);
    }

    public Read(DaemonReport report, List<String> problems) {
      this(report, problems, List.of());
    }

    public Read withRefused(List<String> commands) {
      return new Read(report, problems, commands);
    }
  }

  /** A failed step that ended the collection. */
  static Reading failed(Step<?> step) {
    String reason = step.reason();
    if (reason == null) {
      throw new IllegalArgumentException("the step did not fail");
    }
    return new Unread(reason, step.daemonUp());
  }

  /**
   * The first of {@code steps} (nulls skipped: commands not asked) during which the daemon stopped
   * answering: from then on nothing of the collection counts.
   */
  static Optional<Step<?>> daemonStopped(@Nullable Step<?>... steps) {
    for (Step<?> step : steps) {
      if (step != null && Boolean.FALSE.equals(step.daemonUp())) {
        return Optional.of(step);
      }
    }
    return Optional.empty();
  }
}
