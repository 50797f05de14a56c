package io.clockhealth.exporter.exec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One external command to run: the executable, its argument list (never a shell line), how long it
 * may take and how much output we accept before giving up on it.
 */
public record CommandSpec(
    String executable, List<String> arguments, Duration timeout, int maxOutputBytes) {

  /**
   * Lines of output accepted besides the byte cap. No time tool prints more than a few hundred;
   * half a million one-byte lines fit under a 1 MiB cap yet cost the parsers hundreds of MB.
   */
  public static final int MAX_OUTPUT_LINES = 16_384;

  public CommandSpec {
    arguments = List.copyOf(arguments);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    if (maxOutputBytes <= 0) {
      throw new IllegalArgumentException("maxOutputBytes must be positive: " + maxOutputBytes);
    }
  }

  /** The command as an operator would type it, for log lines. */
  public String display() {
    List<String> all = new ArrayList<>();
    all.add(executable);
    all.addAll(arguments);
    return String.join(" ", all);
  }
}
