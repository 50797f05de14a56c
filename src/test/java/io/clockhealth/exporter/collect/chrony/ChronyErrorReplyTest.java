package io.clockhealth.exporter.collect.chrony;

import static org.assertj.core.api.Assertions.assertThat;

import io.clockhealth.exporter.parse.FixtureFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChronyErrorReplyTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "506 Cannot talk to daemon|506|Cannot talk to daemon",
        "501 Not authorised|501|Not authorised",
        "501 Not authorised --- Reply not authenticated|501|Not authorised --- Reply not authenticated",
        "503 No such source|503|No such source",
        "514 Can't write RTC parameters|514|Can't write RTC parameters",
        "520 Got unexpected error from daemon|520|Got unexpected error from daemon"
      })
  void findsAReplyOnItsOwn(String output, int code, String message) {
    assertThat(ChronyErrorReply.find(output + "\n"))
        .contains(new ChronyErrorReply(code, message, 1, output));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\n", "\r\n"})
  void findsAReplyAfterAHeader(String newline) {
    // chronyc clients prints its header before asking the daemon.
    String output =
        "Hostname                      NTP   Drop Int IntL Last     Cmd   Drop Int  Last"
            + newline
            + "==============================================================================="
            + newline
            + "501 Not authorised"
            + newline;
    assertThat(ChronyErrorReply.find(output))
        .hasValueSatisfying(
            r -> {
              assertThat(r.code()).isEqualTo(501);
              assertThat(r.lineNumber()).isEqualTo(3);
              assertThat(r.line()).isEqualTo("501 Not authorised");
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "210 Number of sources = 3",
        "200 OK",
        "119.28.206.193             18   9   293m     -0.103      0.185  -1710us   973us",
        "500                         2   6   377    34   +484us[ -157us] +/-   30ms",
        "512,0,3,0,0,0,0,0,0,0,0",
        "5061 Cannot talk to daemon",
        "Remote port     : 506",
        ""
      })
  void dataIsNeverAnError(String line) {
    assertThat(ChronyErrorReply.find(line + "\n")).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("io.clockhealth.exporter.parse.Fixtures#chronycFiles")
  void noCorpusOrCaptureFileIsAnError(String resource) {
    assertThat(ChronyErrorReply.find(FixtureFiles.read(resource))).isEmpty();
  }
}
