package io.clockhealth.exporter.collect.timesyncd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clockhealth.exporter.parse.DamagedInputs;
import io.clockhealth.exporter.parse.Fixtures;
import io.clockhealth.exporter.parse.ParseException;
import io.clockhealth.exporter.parse.ParseException.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ShowTimesyncParserTest {

  private final ShowTimesyncParser parser = new ShowTimesyncParser();

  /** What a capture must parse to: the settings and the reply's key fields. */
  record Expected(
      List<String> systemServers,
      List<String> fallbackServers,
      String server,
      int stratum,
      int precisionLog2,
      String destinationUtc,
      String receiveUtc,
      long packetCount,
      double jitterSeconds) {}

  private static final List<String> SERVER_2 = List.of("10.233.0.2");

  /**
   * A reply of 10.233.0.2 (stratum 10, precision 2^-26), the only server, received at {@code utc}.
   */
  private static Expected fromServer2(String utc, long packets, double jitterSeconds) {
    return new Expected(
        SERVER_2, SERVER_2, "10.233.0.2", 10, -26, utc, utc, packets, jitterSeconds);
  }

  /** timesyncd's second reply from 10.233.0.2, shown again after that server was killed. */
  private static final Expected SECOND_REPLY = fromServer2("2026-11-21T12:27:37Z", 2, 0.000002);

  /** The captures of show-timesync [--all] with a reply (captures/timesyncd/INDEX). */
  static Stream<Arguments> captureFiles() {
    return Stream.of(
        Arguments.of("good-show-timesync-all.txt", fromServer2("2026-11-21T12:27:21Z", 1, 0.0)),
        Arguments.of("good-show-timesync.txt", fromServer2("2026-11-21T12:27:21Z", 1, 0.0)),
        Arguments.of("good-show-timesync-after-2nd-poll.txt", SECOND_REPLY),
        // After the server was killed timesyncd still shows its last reply, unchanged.
        Arguments.of("after-kill-show-timesync-all.txt", SECOND_REPLY),
        Arguments.of(
            "fallback-empty-show-timesync-all.txt",
            new Expected(
                SERVER_2,
                List.of(
                    "0.debian.pool.ntp.org",
                    "1.debian.pool.ntp.org",
                    "2.debian.pool.ntp.org",
                    "3.debian.pool.ntp.org"),
                "10.233.0.2",
                10,
                -26,
                "2026-11-21T12:27:20Z",
                "2026-11-21T12:27:20Z",
                1,
                0.0)),
        // The +73 s server: its receive time is 73 s after our send and arrival times.
        Arguments.of(
            "false73-show-timesync-all.txt",
            new Expected(
                List.of("10.233.0.3"),
                List.of("10.233.0.3"),
                "10.233.0.3",
                10,
                -24,
                "2026-11-21T12:28:42Z",
                "2026-11-21T12:29:55Z",
                1,
                0.0)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("captureFiles")
  void capturesGiveTheirValues(String file, Expected e) throws Exception {
    TimesyncProperties p = parser.parse(Fixtures.TIMEDATECTL.capture(file));

    assertThat(p.systemNtpServers()).isEqualTo(e.systemServers());
    assertThat(p.fallbackNtpServers()).isEqualTo(e.fallbackServers());
    assertThat(p.linkNtpServers()).isEmpty();
    assertThat(p.runtimeNtpServers()).isEmpty();
    assertThat(p.serverName()).isEqualTo(e.server());
    assertThat(p.serverAddress()).isEqualTo(e.server());
    assertThat(p.rootDistanceMaxSeconds()).isEqualTo(5.0);
    assertThat(p.pollIntervalMinSeconds()).isEqualTo(16.0);
    assertThat(p.pollIntervalMaxSeconds()).isEqualTo(16.0);
    assertThat(p.pollIntervalSeconds()).isEqualTo(16.0);
    assertThat(p.frequencyCorrectionPpm()).isEqualTo(0.0);
    assertThat(p.otherProperties().byName()).isEmpty();

    NtpMessage m = p.ntpMessage();
    assertThat(m).isNotNull();
    assertThat(m.leap()).isZero();
    assertThat(m.version()).isEqualTo(4);
    assertThat(m.mode()).isEqualTo(4);
    assertThat(m.stratum()).isEqualTo(e.stratum());
    assertThat(m.precisionLog2()).isEqualTo(e.precisionLog2());
    assertThat(m.rootDelaySeconds()).isZero();
    assertThat(m.rootDispersionSeconds()).isZero();
    assertThat(m.reference()).isEqualTo("7F7F0101");
    assertThat(m.destinationTimestamp().instant()).isEqualTo(Instant.parse(e.destinationUtc()));
    assertThat(m.originateTimestamp().instant()).isEqualTo(Instant.parse(e.destinationUtc()));
    assertThat(m.receiveTimestamp().instant()).isEqualTo(Instant.parse(e.receiveUtc()));
    assertThat(m.transmitTimestamp().instant()).isEqualTo(Instant.parse(e.receiveUtc()));
    assertThat(m.ignored()).isFalse();
    assertThat(m.packetCount()).isEqualTo(e.packetCount());
    assertThat(m.jitterSeconds()).isEqualTo(e.jitterSeconds());
  }

  @Test
  void afterKillShowsExactlyTheReplyOfBeforeTheKill() throws Exception {
    TimesyncProperties before =
        parser.parse(Fixtures.TIMEDATECTL.capture("good-show-timesync-after-2nd-poll.txt"));
    TimesyncProperties after =
        parser.parse(Fixtures.TIMEDATECTL.capture("after-kill-show-timesync-all.txt"));
    assertThat(after).isEqualTo(before);
  }

  /** Every 5 s sample after the kill shows the same reply: staleness must come from its age. */
  @Test
  void killTimelineSamplesAllShowTheLastReply() throws Exception {
    String timeline = Fixtures.TIMEDATECTL.capture("kill-server-timeline.txt");
    List<String> samples = new ArrayList<>();
    for (String block : timeline.split("(?m)^--- t=\\S+\\n")) {
      String sample = block.replaceAll("(?m)^\\(log: .*\\)\\n?", "");
      if (!sample.isBlank()) {
        samples.add(sample);
      }
    }
    assertThat(samples).hasSize(14);
    for (String sample : samples) {
      TimesyncProperties p = parser.parse(sample);
      assertThat(p.serverAddress()).isEqualTo("10.233.0.2");
      assertThat(p.pollIntervalSeconds()).isEqualTo(16.0);
      assertThat(p.ntpMessage().packetCount()).isEqualTo(2);
      assertThat(p.ntpMessage().destinationTimestamp().instant())
          .isEqualTo(Instant.parse("2026-11-21T12:27:37Z"));
    }
    // The whole timeline with its "--- t=" markers is not show-timesync output.
    assertThatThrownBy(() -> parser.parse(timeline))
        .isInstanceOfSatisfying(
            ParseException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
              assertThat(e.lineNumber()).isEqualTo(1);
            });
  }

  @Test
  void ntpMessageValueAloneParsesToTheSameMessage() throws Exception {
    NtpMessage value =
        NtpMessage.parse(Fixtures.TIMEDATECTL.capture("good-show-timesync-ntpmessage-value.txt"));
    TimesyncProperties all =
        parser.parse(Fixtures.TIMEDATECTL.capture("good-show-timesync-all.txt"));
    assertThat(value).isEqualTo(all.ntpMessage());
  }

  @Test
  void noNtpMessageBeforeTheFirstReply() throws Exception {
    TimesyncProperties p =
        parser.parse(
            "LinkNTPServers=\n"
                + "SystemNTPServers=10.233.0.2\n"
                + "RuntimeNTPServers=\n"
                + "FallbackNTPServers=10.233.0.2\n"
                + "ServerName=10.233.0.2\n"
                + "ServerAddress=\n"
                + "RootDistanceMaxUSec=5s\n"
                + "PollIntervalMinUSec=32s\n"
                + "PollIntervalMaxUSec=34min 8s\n"
                + "PollIntervalUSec=0\n"
                + "Frequency=0\n");
    assertThat(p.ntpMessage()).isNull();
    assertThat(p.serverName()).isEqualTo("10.233.0.2");
    assertThat(p.serverAddress()).isNull();
    assertThat(p.pollIntervalMaxSeconds()).isEqualTo(2048.0);
    assertThat(p.pollIntervalSeconds()).isEqualTo(0.0);
  }

  @Test
  void oldSystemdMissingCommaStratumOneAsciiReferenceAndRawFrequency() throws Exception {
    // systemd < 250 printed "Ignored=no PacketCount=5"; stratum 1 prints an ASCII reference.
    TimesyncProperties p =
        parser.parse(
            "ServerName=time.google.com\n"
                + "ServerAddress=216.239.35.8\n"
                + "PollIntervalUSec=8min 32s\n"
                + "NTPMessage={ Leap=0, Version=4, Mode=4, Stratum=1, Precision=-20,"
                + " RootDelay=0, RootDispersion=15us, Reference=GOOG,"
                + " OriginateTimestamp=Mon 2020-03-09 14:50:52 CET,"
                + " ReceiveTimestamp=Mon 2020-03-09 14:50:52 CET,"
                + " TransmitTimestamp=Mon 2020-03-09 14:50:52 CET,"
                + " DestinationTimestamp=Mon 2020-03-09 14:50:52 CET,"
                + " Ignored=no PacketCount=5, Jitter=5.386ms }\n"
                + "Frequency=1774136\n");
    NtpMessage m = p.ntpMessage();
    assertThat(m.stratum()).isEqualTo(1);
    assertThat(m.reference()).isEqualTo("GOOG");
    assertThat(m.rootDispersionSeconds()).isEqualTo(0.000015);
    assertThat(m.ignored()).isFalse();
    assertThat(m.packetCount()).isEqualTo(5);
    assertThat(m.jitterSeconds()).isEqualTo(0.005386);
    assertThat(m.destinationTimestamp().instant()).isEqualTo(Instant.parse("2020-03-09T13:50:52Z"));
    // Frequency= is ppm × 65536: 1774136 / 65536 = 27.0711...
    assertThat(p.frequencyCorrectionPpm()).isEqualTo(1774136 / 65536.0);
    assertThat(p.pollIntervalSeconds()).isEqualTo(512.0);
  }

  @Test
  void negativeRawFrequency() throws Exception {
    TimesyncProperties p = parser.parse("ServerName=a\nFrequency=-655360\n");
    assertThat(p.frequencyCorrectionPpm()).isEqualTo(-10.0);
  }

  @Test
  void unknownPropertiesAreKept() throws Exception {
    TimesyncProperties p = parser.parse("ServerName=10.233.0.2\nNewProperty=42\nAnother=a=b\n");
    assertThat(p.otherProperties().byName())
        .isEqualTo(Map.of("NewProperty", "42", "Another", "a=b"));
  }

  @Test
  void unsetTimestampsInTheMessageAreNull() throws Exception {
    TimesyncProperties p =
        parser.parse(
            "NTPMessage={ Leap=3, Version=4, Mode=4, Stratum=0, Precision=-20, RootDelay=0,"
                + " RootDispersion=0, Reference=RATE, OriginateTimestamp=(null),"
                + " ReceiveTimestamp=n/a, TransmitTimestamp=n/a, DestinationTimestamp=n/a,"
                + " Ignored=yes, PacketCount=1, Jitter=0 }\n");
    NtpMessage m = p.ntpMessage();
    assertThat(m.leap()).isEqualTo(3);
    assertThat(m.originateTimestamp()).isNull();
    assertThat(m.destinationTimestamp()).isNull();
    assertThat(m.ignored()).isTrue();
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("ServerName=a\nthis is not a property\n", 2),
        Arguments.of("ServerName=a\nServerName=b\n", 2),
        Arguments.of("ServerName=a\n=value\n", 2),
        Arguments.of("PollIntervalUSec=infinity\n", 1),
        Arguments.of("PollIntervalUSec=16 parsecs\n", 1),
        Arguments.of("Frequency=0.5\n", 1),
        Arguments.of("NTPMessage={ Leap=0, Version=4 }\n", 1),
        Arguments.of("NTPMessage=Leap=0\n", 1),
        Arguments.of(
            "NTPMessage={ Leap=7, Version=4, Mode=4, Stratum=1, Precision=-20, RootDelay=0,"
                + " RootDispersion=0, Reference=GOOG, OriginateTimestamp=n/a,"
                + " ReceiveTimestamp=n/a, TransmitTimestamp=n/a, DestinationTimestamp=n/a,"
                + " Ignored=no, PacketCount=1, Jitter=0 }\n",
            1),
        Arguments.of(
            "NTPMessage={ Leap=0, Leap=0, Version=4, Mode=4, Stratum=1, Precision=-20,"
                + " RootDelay=0, RootDispersion=0, Reference=GOOG, OriginateTimestamp=n/a,"
                + " ReceiveTimestamp=n/a, TransmitTimestamp=n/a, DestinationTimestamp=n/a,"
                + " Ignored=no, PacketCount=1, Jitter=0 }\n",
            1),
        Arguments.of("Timezone=Etc/UTC\nNTP=no\n", 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedInputNamesTheLine(String text, int line) {
    DamagedInputs.assertMalformedOnLine(ShowTimesyncParser.FORMAT, parser::parse, text, line);
  }

  @Test
  void recognisesItsOwnOutputOnly() {
    assertThat(parser.recognises(Fixtures.TIMEDATECTL.capture("good-show-timesync-all.txt")))
        .isTrue();
    assertThat(parser.recognises(Fixtures.TIMEDATECTL.capture("good-show.txt"))).isFalse();
    assertThat(parser.recognises(Fixtures.TIMEDATECTL.capture("good-timesync-status.txt")))
        .isFalse();
    assertThat(parser.recognises(null)).isFalse();
  }
}
