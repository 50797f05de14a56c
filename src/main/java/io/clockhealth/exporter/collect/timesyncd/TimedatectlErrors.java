package io.clockhealth.exporter.collect.timesyncd;

import io.clockhealth.exporter.parse.ToolError;
import io.clockhealth.exporter.parse.ToolErrorDetector;
import java.util.List;
import java.util.Optional;

/**
 * timedatectl's own error messages: it could not reach the bus, systemd is not PID 1, or the
 * service (timesyncd, timedated) is not on the bus. In every case neither daemon answered, so
 * {@link ToolError#daemonAnswered()} is false.
 *
 * <p>Messages are matched on their English prefix at the start of a line: systemd does not
 * translate them, but the errno text after the colon follows the locale ({@code Failed to connect
 * to bus: Keine Berechtigung}). A message outside this list is not recognised; the parsers then
 * report the output as malformed, which fails the scrape just the same.
 */
public final class TimedatectlErrors {

  /** One message kind: the {@link ToolError#code()} it gets and the prefix that identifies it. */
  private record Kind(String code, String prefix) {}

  private static final List<Kind> KINDS =
      List.of(
          new Kind("no-systemd", "System has not been booted with systemd as init system"),
          new Kind("bus-connect", "Failed to connect to bus:"),
          new Kind("bus-connect", "Failed to create bus connection:"),
          new Kind("bus-message", "Failed to parse bus message:"),
          new Kind("query-server", "Failed to query server:"),
          new Kind("get-properties", "Failed to get properties:"),
          // systemd ≥ 256 words "timesyncd is not on the bus" this way.
          new Kind("service-unavailable", "Command requires systemd-timesyncd.service"));

  /** The first timedatectl error message in an output, on whichever line it is. */
  public static final ToolErrorDetector DETECTOR =
      ToolErrorDetector.byLine(TimedatectlErrors::match);

  private TimedatectlErrors() {}

  private static Optional<ToolError> match(String printed, int number) {
    String line = printed.strip();
    for (Kind kind : KINDS) {
      if (line.startsWith(kind.prefix())) {
        return Optional.of(new ToolError(kind.code(), line, number, false));
      }
    }
    return Optional.empty();
  }
}
