package io.clockhealth.exporter.collect.ptp;

import io.clockhealth.exporter.parse.ToolError;
import io.clockhealth.exporter.parse.ToolErrorDetector;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * pmc's way of saying that no ptp4l answered: it prints the {@code sending:} line of each request
 * and nothing else, and still exits 0. An output with {@code sending:} lines and no reply at all is
 * that (whatever else it printed, e.g. a socket error on stderr); anything else is data, or garbage
 * for the parsers to name.
 */
final class PmcErrors {

  /** The code of the no-reply error. */
  static final String NO_REPLY = "no-reply";

  static final ToolErrorDetector DETECTOR = PmcErrors::find;

  private PmcErrors() {}

  private static Optional<ToolError> find(@Nullable String output) {
    if (output == null) {
      return Optional.empty();
    }
    List<String> lines = output.lines().toList();
    int lastSending = -1;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("sending: ")) {
        lastSending = i;
      } else if (PmcOutput.isReplyHeader(line)) {
        return Optional.empty();
      }
    }
    if (lastSending < 0) {
      return Optional.empty();
    }
    return Optional.of(new ToolError(NO_REPLY, lines.get(lastSending), lastSending + 1, false));
  }
}
