package io.clockhealth.exporter.collect.timesyncd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clockhealth.exporter.parse.DamagedInputs;
import io.clockhealth.exporter.parse.Fixtures;
import io.clockhealth.exporter.parse.NamedParser;
import io.clockhealth.exporter.parse.ParseException;
import io.clockhealth.exporter.parse.ParseException.Kind;
import io.clockhealth.exporter.parse.ToolError;
import io.clockhealth.exporter.parse.ToolErrorDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TimedatectlErrorsTest {

  private final ToolErrorDetector detector = TimedatectlErrors.DETECTOR;

  /** The captured error outputs, with the code and the 1-based line of the message. */
  static Stream<Arguments> captureFiles() {
    return Stream.of(
        Arguments.of("err-timedatectl-plain-show-timesync.txt", "no-systemd", 1),
        Arguments.of("err-tdctl-no-timesyncd-show-timesync.txt", "bus-message", 1),
        Arguments.of("err-tdctl-no-timesyncd-timesync-status.txt", "query-server", 1),
        Arguments.of("err-tdctl-after-timesyncd-stopped.txt", "query-server", 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("captureFiles")
  void capturedErrorsAreFound(String file, String code, int line) {
    String text = Fixtures.TIMEDATECTL.capture(file);
    ToolError error = detector.find(text).orElseThrow();
    assertThat(error.code()).isEqualTo(code);
    assertThat(error.daemonAnswered()).isFalse();
    assertThat(error.line()).isEqualTo(text.lines().toList().get(line - 1));
    assertThat(error.lineNumber()).isEqualTo(line);
  }

  /** Every parser reports every captured error as the tool's error, at the message's line. */
  static Stream<Arguments> parserAndError() {
    List<Arguments> cases = new ArrayList<>();
    for (NamedParser parser : TimesyncdParsers.ALL) {
      captureFiles().forEach(a -> cases.add(Arguments.of(parser, a.get()[0], a.get()[2])));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("parserAndError")
  void parsersThrowToolError(NamedParser parser, String file, int line) {
    DamagedInputs.assertToolError(parser, Fixtures.TIMEDATECTL.capture(file), line);
  }

  static Stream<Arguments> otherMessages() {
    return Stream.of(
        Arguments.of("Failed to create bus connection: Host is down", "bus-connect"),
        Arguments.of("Failed to connect to bus: No such file or directory", "bus-connect"),
        // The errno text follows the locale; the systemd prefix does not.
        Arguments.of("Failed to connect to bus: Keine Berechtigung", "bus-connect"),
        Arguments.of(
            "Failed to create bus connection: File o directory non esistente", "bus-connect"),
        Arguments.of(
            "Failed to get properties: The name org.freedesktop.timedate1 was not provided by any"
                + " .service files",
            "get-properties"),
        Arguments.of(
            "Command requires systemd-timesyncd.service, but it is not available: Unit"
                + " dbus-org.freedesktop.timesync1.service not found.",
            "service-unavailable"),
        Arguments.of("  Failed to query server: Connection timed out", "query-server"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("otherMessages")
  void otherKnownMessages(String message, String code) {
    assertThat(detector.find("some header\n" + message + "\n"))
        .hasValueSatisfying(
            e -> {
              assertThat(e.code()).isEqualTo(code);
              assertThat(e.daemonAnswered()).isFalse();
              assertThat(e.line()).isEqualTo(message.strip());
            });
  }

  @Test
  void fullyTranslatedMessagesAreNotRecognisedButStillRejected() throws Exception {
    String translated = "Verbindung zum Bus konnte nicht hergestellt werden: Keine Berechtigung\n";
    assertThat(detector.find(translated)).isEmpty();
    for (NamedParser parser : TimesyncdParsers.ALL) {
      assertThatThrownBy(() -> parser.parse().parse(translated))
          .isInstanceOfSatisfying(
              ParseException.class, e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED));
    }
  }

  @Test
  void dataIsNotAnError() {
    for (String file :
        List.of(
            "good-show-timesync-all.txt",
            "good-timesync-status.txt",
            "good-show.txt",
            "good-status.txt")) {
      assertThat(detector.find(Fixtures.TIMEDATECTL.capture(file))).as(file).isEmpty();
    }
    assertThat(detector.find(null)).isEmpty();
    assertThat(detector.find("")).isEmpty();
    // Only at the start of a line: a value mentioning the words is data.
    assertThat(detector.find("ServerName=Failed to connect to bus: x\n")).isEmpty();
  }
}
