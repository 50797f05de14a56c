package io.clockhealth.exporter.collect.timesyncd;

import static org.assertj.core.api.Assertions.assertThat;

import io.clockhealth.exporter.parse.DamagedInputs;
import io.clockhealth.exporter.parse.Fixtures;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ShowParserTest {

  private final ShowParser parser = new ShowParser();

  /** The captures of timedatectl show [--all] (captures/timesyncd/INDEX). */
  static Stream<Arguments> captureFiles() {
    return Stream.of(
        Arguments.of("good-show.txt", "2026-11-21T12:27:21Z", false),
        Arguments.of("good-show-all.txt", "2026-11-21T12:27:21Z", true),
        Arguments.of("false73-show.txt", "2026-11-21T12:28:42Z", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("captureFiles")
  void capturesGiveTheirValues(String file, String time, boolean hasRtcLine) throws Exception {
    String text = Fixtures.TIMEDATECTL.capture(file);
    TimedateProperties p = parser.parse(text);
    assertThat(p.timezone()).isEqualTo("Etc/UTC");
    assertThat(p.localRtc()).isFalse();
    assertThat(p.canNtp()).isFalse();
    assertThat(p.ntp()).isFalse();
    assertThat(p.ntpSynchronized()).isFalse();
    assertThat(p.time().instant()).isEqualTo(Instant.parse(time));
    // show --all prints the unset RTC time as an empty "RTCTimeUSec=".
    assertThat(p.rtcTime()).isNull();
    assertThat(text.contains("RTCTimeUSec=")).isEqualTo(hasRtcLine);
    assertThat(p.otherProperties().byName()).isEmpty();
    assertThat(parser.recognises(text)).isTrue();
  }

  @Test
  void synchronisedHostWithRtcAndUnknownProperty() throws Exception {
    TimedateProperties p =
        parser.parse(
            "Timezone=Europe/Berlin\n"
                + "LocalRTC=yes\n"
                + "CanNTP=yes\n"
                + "NTP=yes\n"
                + "NTPSynchronized=yes\n"
                + "TimeUSec=Mon 2025-06-16 15:21:46 CEST\n"
                + "RTCTimeUSec=Mon 2025-06-16 15:21:45 CEST\n"
                + "FutureThing=1\n");
    assertThat(p.timezone()).isEqualTo("Europe/Berlin");
    assertThat(p.localRtc()).isTrue();
    assertThat(p.canNtp()).isTrue();
    assertThat(p.ntp()).isTrue();
    assertThat(p.ntpSynchronized()).isTrue();
    assertThat(p.time().instant()).isEqualTo(Instant.parse("2025-06-16T13:21:46Z"));
    assertThat(p.rtcTime().instant()).isEqualTo(Instant.parse("2025-06-16T13:21:45Z"));
    assertThat(p.otherProperties().byName()).isEqualTo(Map.of("FutureThing", "1"));
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("Timezone=Etc/UTC\nNTP=maybe\n", 2),
        Arguments.of("Timezone=Etc/UTC\nTimeUSec=tomorrow\n", 2),
        Arguments.of("Timezone=Etc/UTC\nTimezone=Etc/UTC\n", 2),
        Arguments.of("Timezone=Etc/UTC\n  Local time: Sat 2026-11-21 12:27:21 UTC\n", 2),
        Arguments.of("ServerName=10.233.0.2\nServerAddress=10.233.0.2\n", 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedInputNamesTheLine(String text, int line) {
    DamagedInputs.assertMalformedOnLine(ShowParser.FORMAT, parser::parse, text, line);
  }
}
