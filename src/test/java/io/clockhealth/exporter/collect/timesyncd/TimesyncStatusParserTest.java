package io.clockhealth.exporter.collect.timesyncd;

import static org.assertj.core.api.Assertions.assertThat;

import io.clockhealth.exporter.model.LeapStatus;
import io.clockhealth.exporter.parse.DamagedInputs;
import io.clockhealth.exporter.parse.FixtureFiles;
import io.clockhealth.exporter.parse.Fixtures;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class TimesyncStatusParserTest {

  private final TimesyncStatusParser parser = new TimesyncStatusParser();

  /** A status with a reply from the loopback chrony servers of the captures. */
  private static TimesyncStatus local(
      String server, int precisionLog2, double offset, double delay, double jitter, long packets) {
    return new TimesyncStatus(
        server,
        server,
        16.0,
        16.0,
        16.0,
        packets,
        LeapStatus.NORMAL,
        4,
        10,
        "7F7F0101",
        0.000001,
        precisionLog2,
        0.0,
        5.0,
        offset,
        delay,
        jitter,
        0.0);
  }

  /** MANIFEST row of the corpus file; offsets as printed (server minus local). */
  static Stream<Arguments> corpusFiles() {
    return Stream.of(
        Arguments.of(
            Fixtures.TIMEDATECTL.corpusDir() + "jc-timesync-status.txt",
            new TimesyncStatus(
                "216.239.35.8",
                "time.google.com",
                512.0,
                32.0,
                2048.0,
                5L,
                LeapStatus.NORMAL,
                4,
                1,
                "GOOG",
                0.000001,
                -20,
                0.000091,
                5.0,
                -0.005224,
                0.065884,
                0.005386,
                27.071)));
  }

  /** The captures (captures/timesyncd/INDEX); false73 is the +73 s server. */
  static Stream<Arguments> captureFiles() {
    return Stream.of(
        Arguments.of(
            Fixtures.TIMEDATECTL.capturesDir() + "good-timesync-status.txt",
            local("10.233.0.2", -26, 0.000004, 0.000026, 0.0, 1)),
        Arguments.of(
            Fixtures.TIMEDATECTL.capturesDir() + "after-kill-timesync-status.txt",
            local("10.233.0.2", -26, 0.000006, 0.000026, 0.000002, 2)),
        Arguments.of(
            Fixtures.TIMEDATECTL.capturesDir() + "false73-timesync-status.txt",
            local("10.233.0.3", -24, 73.000065, 0.000402, 0.0, 1)));
  }

  static Stream<Arguments> files() {
    return Stream.concat(corpusFiles(), captureFiles());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void filesGiveTheirValues(String resource, TimesyncStatus expected) throws Exception {
    TimesyncStatus status = parser.parse(FixtureFiles.read(resource));
    assertThat(status).isEqualTo(expected);
    assertThat(status.hasReply()).isTrue();
    assertThat(parser.recognises(FixtureFiles.read(resource))).isTrue();
  }

  @Test
  void noReplyYetIsThreeLines() throws Exception {
    TimesyncStatus s =
        parser.parse(
            "       Server: 10.233.0.2 (10.233.0.2)\n"
                + "Poll interval: 0 (min: 32s; max 34min 8s)\n"
                + " Packet count: 0\n");
    assertThat(s.serverAddress()).isEqualTo("10.233.0.2");
    assertThat(s.pollIntervalSeconds()).isEqualTo(0.0);
    assertThat(s.pollIntervalMaxSeconds()).isEqualTo(2048.0);
    assertThat(s.packetCount()).isZero();
    assertThat(s.hasReply()).isFalse();
    assertThat(s.offsetSeconds()).isNull();
    assertThat(s.stratum()).isNull();
    assertThat(s.frequencyCorrectionPpm()).isNull();
  }

  @Test
  void unsetServerAndTrailingTablePadding() throws Exception {
    TimesyncStatus s =
        parser.parse(
            "       Server: n/a (ntp.ubuntu.com)         \n"
                + "Poll interval: 0 (min: 32s; max 34min 8s)  \n"
                + " Packet count: 0                          \n");
    assertThat(s.serverAddress()).isNull();
    assertThat(s.serverName()).isEqualTo("ntp.ubuntu.com");
  }

  @Test
  void invalidReplyStopsAfterThePollInterval() throws Exception {
    TimesyncStatus s =
        parser.parse(
            "       Server: (null) ((null))\nPoll interval: 32s (min: 32s; max 34min 8s)\n");
    assertThat(s.serverAddress()).isNull();
    assertThat(s.serverName()).isNull();
    assertThat(s.packetCount()).isNull();
    assertThat(s.hasReply()).isFalse();
  }

  @Test
  void ipv6ServerSpikeWithoutFrequencyAndLocalisedMicroSign() throws Exception {
    TimesyncStatus s =
        parser.parse(
            "       Server: 2001:db8::123 (ntp.example.org)\n"
                + "Poll interval: 1min 4s (min: 32s; max 34min 8s)\n"
                + "         Leap: last minute of the day has 61 seconds\n"
                + "      Version: 4\n"
                + "      Stratum: 2\n"
                + "    Reference: C0A80001\n"
                + "    Precision: 1\u00B5s (-23)\n"
                + "Root distance: 1.345ms (max: 5s)\n"
                + "       Offset: -12.5ms\n"
                + "        Delay: 3.2ms\n"
                + "       Jitter: 700\u00B5s\n"
                + " Packet count: 12\n");
    assertThat(s.serverAddress()).isEqualTo("2001:db8::123");
    assertThat(s.pollIntervalSeconds()).isEqualTo(64.0);
    assertThat(s.leapStatus()).isEqualTo(LeapStatus.INSERT_SECOND);
    assertThat(s.reference()).isEqualTo("C0A80001");
    assertThat(s.precisionSeconds()).isEqualTo(0.000001);
    assertThat(s.precisionLog2()).isEqualTo(-23);
    assertThat(s.offsetSeconds()).isEqualTo(-0.0125);
    assertThat(s.jitterSeconds()).isEqualTo(0.0007);
    assertThat(s.frequencyCorrectionPpm()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "normal, NORMAL",
    "last minute of the day has 61 seconds, INSERT_SECOND",
    "last minute of the day has 59 seconds, DELETE_SECOND",
    "not synchronized, UNSYNCHRONISED",
    "not synchronised, UNSYNCHRONISED",
    "leap-second insert, INSERT_SECOND",
    "leap second delete, DELETE_SECOND",
    "Normal, NORMAL"
  })
  void leapWordsAreReadLoosely(String words, LeapStatus leap) {
    assertThat(TimesyncLeap.fromWords(words)).isEqualTo(leap);
  }

  @Test
  void unknownLeapWordsAreUnknownNotAnError() throws Exception {
    String text =
        Fixtures.TIMEDATECTL
            .capture("good-timesync-status.txt")
            .replace("Leap: normal", "Leap: something new");
    assertThat(parser.parse(text).leapStatus()).isNull();
  }

  static Stream<Arguments> malformed() {
    String good = Fixtures.TIMEDATECTL.capture("good-timesync-status.txt");
    return Stream.of(
        Arguments.of(
            "missing server", good.replace("       Server: 10.233.0.2 (10.233.0.2)\n", ""), 0),
        Arguments.of("repeated line", good + "      Stratum: 3\n", 14),
        Arguments.of("unknown label", good + "     Mystery: 3\n", 14),
        Arguments.of("no colon", good + "just text\n", 14),
        Arguments.of("bad offset", good.replace("Offset: +4us", "Offset: soon"), 9),
        Arguments.of("bad frequency", good.replace("+0.000ppm", "+0.000"), 13),
        Arguments.of("reply without count", good.replace(" Packet count: 1\n", ""), 0),
        Arguments.of("reply with count 0", good.replace("Packet count: 1", "Packet count: 0"), 0),
        Arguments.of("missing delay", good.replace("        Delay: 26us\n", ""), 0),
        Arguments.of("bad server", good.replace("10.233.0.2 (10.233.0.2)", "10.233.0.2"), 1),
        Arguments.of("bad poll", good.replace("(min: 16s; max 16s)", "(16s)"), 2));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedInputNamesTheLine(String name, String text, int line) {
    DamagedInputs.assertMalformedOnLine(TimesyncStatusParser.FORMAT, parser::parse, text, line);
  }
}
