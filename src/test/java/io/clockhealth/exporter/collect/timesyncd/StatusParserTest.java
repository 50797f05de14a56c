package io.clockhealth.exporter.collect.timesyncd;

import static org.assertj.core.api.Assertions.assertThat;

import io.clockhealth.exporter.parse.DamagedInputs;
import io.clockhealth.exporter.parse.FixtureFiles;
import io.clockhealth.exporter.parse.Fixtures;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StatusParserTest {

  private final StatusParser parser = new StatusParser();

  private static Double utc(String iso) {
    return (double) Instant.parse(iso).getEpochSecond();
  }

  /** The MANIFEST rows of the corpus status files. */
  static Stream<Arguments> corpusFiles() {
    return Stream.of(
        Arguments.of(
            Fixtures.TIMEDATECTL.corpusDir() + "jc-centos77-status.txt",
            new TimedateStatus(
                "America/Los_Angeles",
                "PDT",
                "-0700",
                utc("2020-03-11T00:53:21Z"),
                true,
                "yes",
                false,
                true)),
        Arguments.of(
            Fixtures.TIMEDATECTL.corpusDir() + "jc-rtc-local-status.txt",
            new TimedateStatus(
                "Europe/Athens",
                "EET",
                "+0200",
                utc("2023-03-13T12:17:38Z"),
                true,
                "active",
                true,
                null)),
        Arguments.of(
            Fixtures.TIMEDATECTL.corpusDir() + "jc-ubuntu1804-status.txt",
            new TimedateStatus(
                "Etc/UTC", "UTC", "+0000", utc("2020-03-11T00:51:11Z"), true, "yes", false, null)),
        Arguments.of(
            Fixtures.TIMEDATECTL.corpusDir() + "ubuntu-doc-status-de-locale.txt",
            new TimedateStatus(
                "Europe/Berlin",
                "CEST",
                "+0200",
                utc("2025-06-16T13:21:46Z"),
                true,
                "active",
                false,
                null)));
  }

  /** The capture of timedatectl status: no NTP unit, kernel clock not synchronised. */
  static Stream<Arguments> captureFiles() {
    return Stream.of(
        Arguments.of(
            Fixtures.TIMEDATECTL.capturesDir() + "good-status.txt",
            new TimedateStatus(
                "Etc/UTC",
                "UTC",
                "+0000",
                utc("2026-11-21T12:27:21Z"),
                false,
                "n/a",
                false,
                null)));
  }

  static Stream<Arguments> files() {
    return Stream.concat(corpusFiles(), captureFiles());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void filesGiveTheirValues(String resource, TimedateStatus expected) throws Exception {
    String text = FixtureFiles.read(resource);
    assertThat(parser.parse(text)).isEqualTo(expected);
    assertThat(parser.recognises(text)).isTrue();
  }

  @Test
  void ntpServiceAcrossGenerations() throws Exception {
    assertThat(
            parser.parse(Fixtures.TIMEDATECTL.corpus("jc-rtc-local-status.txt")).ntpServiceActive())
        .isTrue();
    assertThat(
            parser.parse(Fixtures.TIMEDATECTL.corpus("jc-centos77-status.txt")).ntpServiceActive())
        .isTrue();
    assertThat(parser.parse(Fixtures.TIMEDATECTL.capture("good-status.txt")).ntpServiceActive())
        .isNull();
  }

  @Test
  void systemd229NetworkTimeOnAndOldWarningWithHighlightEscapes() throws Exception {
    TimedateStatus s =
        parser.parse(
            "      Local time: Di 2016-08-16 10:02:13 CEST\n"
                + "  Universal time: Di 2016-08-16 08:02:13 UTC\n"
                + "        RTC time: Di 2016-08-16 08:02:13\n"
                + "       Time zone: Europe/Berlin (CEST, +0200)\n"
                + " Network time on: no\n"
                + "NTP synchronized: no\n"
                + " RTC in local TZ: yes\n"
                + "\n"
                + "\u001B[1;39mWarning: The system is configured to read the RTC time in the local"
                + " time zone. This\n"
                + "         mode can not be fully supported.\u001B[0m.\n");
    assertThat(s.timezone()).isEqualTo("Europe/Berlin");
    assertThat(s.ntpService()).isEqualTo("no");
    assertThat(s.ntpServiceActive()).isFalse();
    assertThat(s.systemClockSynchronized()).isFalse();
    assertThat(s.rtcInLocalTz()).isTrue();
    assertThat(s.universalTimeSeconds()).isEqualTo(utc("2016-08-16T08:02:13Z"));
  }

  @Test
  void unknownZoneAndUnsetTimes() throws Exception {
    TimedateStatus s =
        parser.parse(
            "               Local time: n/a\n"
                + "           Universal time: n/a\n"
                + "                 RTC time: n/a\n"
                + "                Time zone: n/a (n/a)\n"
                + "System clock synchronized: n/a\n"
                + "              NTP service: \n"
                + "          RTC in local TZ: no\n");
    assertThat(s.timezone()).isNull();
    assertThat(s.timezoneAbbreviation()).isNull();
    assertThat(s.utcOffset()).isNull();
    assertThat(s.universalTimeSeconds()).isNull();
    assertThat(s.systemClockSynchronized()).isNull();
    assertThat(s.ntpService()).isNull();
  }

  static Stream<Arguments> malformed() {
    String good = Fixtures.TIMEDATECTL.capture("good-status.txt");
    return Stream.of(
        Arguments.of("unknown label", good + "          Frobnication: yes\n", 8),
        Arguments.of("text after the block", good + "\nsomething else\n", 9),
        Arguments.of("bad boolean", good.replace("synchronized: no", "synchronized: perhaps"), 5),
        Arguments.of("bad zone", good.replace("Etc/UTC (UTC, +0000)", "Etc/UTC"), 4),
        Arguments.of("bad local time", good.replace("Local time: Sat", "Local time: 12:00"), 1),
        Arguments.of("no sync line", good.replace("System clock synchronized: no\n", ""), 0),
        Arguments.of(
            "stray continuation",
            good.replace(
                "RTC in local TZ: no", "RTC in local TZ: no\n                              oops"),
            8));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedInputNamesTheLine(String name, String text, int line) {
    DamagedInputs.assertMalformedOnLine(StatusParser.FORMAT, parser::parse, text, line);
  }
}
