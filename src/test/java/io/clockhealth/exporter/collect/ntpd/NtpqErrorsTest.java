package io.clockhealth.exporter.collect.ntpd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clockhealth.exporter.parse.DamagedInputs;
import io.clockhealth.exporter.parse.FixtureFiles;
import io.clockhealth.exporter.parse.Fixtures;
import io.clockhealth.exporter.parse.NamedParser;
import io.clockhealth.exporter.parse.ParseException;
import io.clockhealth.exporter.parse.ParseException.Kind;
import io.clockhealth.exporter.parse.ToolError;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class NtpqErrorsTest {

  static Stream<Arguments> errorFiles() {
    return Stream.of(
        Arguments.of(
            "insights-error-connection-refused.txt",
            1,
            "/usr/sbin/ntpq: read: Connection refused",
            NtpqErrors.CONNECTION_REFUSED),
        Arguments.of(
            "justatheory-freebsd-ntpq-p-timeout.txt",
            1,
            "127.0.0.1: timed out, nothing received",
            NtpqErrors.TIMEOUT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errorFiles")
  void corpusErrorFilesAreToolErrorsForBothParsers(
      String file, int line, String text, String code) {
    String output = Fixtures.NTPQ.corpus(file);
    assertThat(NtpqErrors.DETECTOR.find(output)).contains(new ToolError(code, text, line, false));
    for (NamedParser parser : NtpqParsers.ALL) {
      DamagedInputs.assertToolError(
          parser, output, line, e -> assertThat(e.line()).isEqualTo(text));
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "localhost: timed out, nothing received | timeout | false",
        "***Request timed out | timeout | false",
        "ntpq: read: Connection refused | connection-refused | false",
        "***Socket error; probably ntpd is not running | connection-refused | false",
        "No association ID's returned | no-associations | true",
        "No association IDs returned | no-associations | true",
        "***Server reports data not found | server-error | true",
        "***Association ID 5 unknown to server | server-error | true",
        "***A request variable unknown to the server | server-error | true",
        "***Can't find host ntp.invalid | name-resolution | false",
        "ntpq: standard-mode lookup of ntp.invalid failed, Name or service not known"
            + " | name-resolution | false",
        "***Select call failed | ntpq-error | false",
        "ntpq: read: File o directory non esistente | ntpq-error | false",
        "/usr/sbin/ntpq: socket: Permesso negato | ntpq-error | false",
        "ntpq: read: Connexion refus\u00e9e | ntpq-error | false",
        "ntpq: read: Op\uFFFDration refus\uFFFDe | ntpq-error | false"
      })
  void recognisesNtpqMessages(String line, String code, boolean daemonAnswered) {
    assertThat(NtpqErrors.DETECTOR.find("\n" + line + "\n"))
        .contains(new ToolError(code, line, 2, daemonAnswered));
    assertThat(NtpqErrors.DETECTOR.find(line + "\n"))
        .hasValueSatisfying(found -> assertThat(found.lineNumber()).isEqualTo(1));
  }

  @Test
  void localisedErrnoTextIsAToolErrorNotACrash() {
    String output = "ntpq: read: File o directory non esistente\n";
    for (NamedParser parser : NtpqParsers.ALL) {
      assertThatThrownBy(() -> parser.parse().parse(output))
          .isInstanceOfSatisfying(
              ParseException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TOOL_ERROR));
    }
  }

  @Test
  void dataIsNotAnError() {
    for (String resource : FixtureFiles.allResourceFiles()) {
      if (NtpqParsers.forResource(resource) != null) {
        assertThat(NtpqErrors.DETECTOR.find(FixtureFiles.read(resource))).as(resource).isEmpty();
      }
    }
    assertThat(NtpqErrors.DETECTOR.find(null)).isEmpty();
    assertThat(NtpqErrors.DETECTOR.find("")).isEmpty();
  }

  @Test
  void otherToolsMessagesAreNotNtpqErrors() {
    assertThat(NtpqErrors.DETECTOR.find("506 Cannot talk to daemon\n")).isEmpty();
    assertThat(NtpqErrors.DETECTOR.find("Failed to connect to bus: Connection refused\n"))
        .isEmpty();
  }
}
