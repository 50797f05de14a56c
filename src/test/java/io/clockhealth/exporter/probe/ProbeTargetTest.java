package io.clockhealth.exporter.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProbeTargetTest {

  @ParameterizedTest
  @CsvSource({
    "ntp1.example.com, ntp1.example.com, 123",
    "10.0.0.5:1123, 10.0.0.5, 1123",
    "127.0.0.171, 127.0.0.171, 123",
    "[::1]:123, ::1, 123",
    "[fe80::1%eth0], fe80::1%eth0, 123",
    "::1, ::1, 123",
    "time_server, time_server, 123"
  })
  void targetsGiveHostAndPort(String text, String host, int port) {
    assertThat(ProbeTarget.parse(text)).isEqualTo(new ProbeTarget(host, port));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "host:",
        "host:0",
        "host:65536",
        "host:12x",
        "[::1",
        "[::1]x",
        "[host]:123",
        "-bad",
        "a b",
        "host/path",
        "http://host",
        "::g"
      })
  void malformedTargetsAreRefusedWithoutRepeatingThem(String text) {
    assertThatThrownBy(() -> ProbeTarget.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("target")
        .satisfies(
            e -> assertThat(e.getMessage()).doesNotContain(text.isBlank() ? "\u0000" : text));
  }

  @ParameterizedTest
  @CsvSource({"ntp1:123, ntp1:123", "::1, [::1]:123"})
  void printsAsATarget(String text, String printed) {
    assertThat(ProbeTarget.parse(text)).hasToString(printed);
  }
}
