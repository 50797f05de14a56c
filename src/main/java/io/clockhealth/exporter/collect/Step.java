package io.clockhealth.exporter.collect;

import io.clockhealth.exporter.parse.ToolError;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one tool command: a parsed value, or the reason there is none (a line that names
 * the command and why, for the log).
 *
 * @param daemonUp whether the daemon answered: {@code null} when unknown (tool missing, output
 *     unparseable), {@code false} when the tool ran but the daemon did not answer
 * @param error the tool's recognised error message, if that is why the step failed
 * @param timedOut the command hung and was killed; asking the same daemon again would only add
 *     another timeout
 */
public record Step<T>(
    @Nullable T value,
    @Nullable String reason,
    @Nullable Boolean daemonUp,
    @Nullable ToolError error,
    boolean timedOut) {

  public static <T> Step<T> success(T value) {
    return new Step<>(value, null, true, null, false);
  }

  public static <T> Step<T> failure(
      String reason, @Nullable Boolean daemonUp, @Nullable ToolError error, boolean timedOut) {
    return new Step<>(null, reason, daemonUp, error, timedOut);
  }

  /** This failure, retyped for a later step that was skipped because of it. */
  public <U> Step<U> skippedAs() {
    return new Step<>(null, reason, daemonUp, error, timedOut);
  }

  public boolean failed() {
    return reason != null;
  }

  /** True when the failure is this tool error code. */
  public boolean failedWith(String code) {
    return error != null && error.code().equals(code);
  }
}
