package io.clockhealth.exporter.collect.timesyncd;

import static org.assertj.core.api.Assertions.assertThat;

import io.clockhealth.exporter.model.LeapStatus;
import io.clockhealth.exporter.model.SourceMode;
import io.clockhealth.exporter.model.SourceState;
import io.clockhealth.exporter.model.SourceStatus;
import io.clockhealth.exporter.model.SystemStatus;
import io.clockhealth.exporter.parse.Fixtures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimesyncdReportMapperTest {

  private static final String NO_REPLY_YET =
      "SystemNTPServers=10.233.0.2\n"
          + "ServerName=10.233.0.2\n"
          + "ServerAddress=10.233.0.2\n"
          + "PollIntervalUSec=32s\n"
          + "Frequency=655360\n";

  private static TimesyncProperties properties(String capture) throws Exception {
    return new ShowTimesyncParser().parse(Fixtures.TIMEDATECTL.capture(capture));
  }

  private static TimesyncStatus status(String capture) throws Exception {
    return new TimesyncStatusParser().parse(Fixtures.TIMEDATECTL.capture(capture));
  }

  private static TimedateProperties show(String capture) throws Exception {
    return new ShowParser().parse(Fixtures.TIMEDATECTL.capture(capture));
  }

  private static double utc(String iso) {
    return Instant.parse(iso).getEpochSecond();
  }

  @Test
  void goodServerAllThreeOutputs() throws Exception {
    SystemStatus s =
        TimesyncdReportMapper.system(
            properties("good-show-timesync-all.txt"),
            status("good-timesync-status.txt"),
            show("good-show.txt"));
    assertThat(s.synchronized_()).isTrue();
    // "Offset: +4us" is server minus local: the local clock is 4 us behind.
    assertThat(s.offsetSeconds()).isEqualTo(-0.000004);
    assertThat(s.frequencyPpm()).isEqualTo(0.0);
    assertThat(s.rootDelaySeconds()).isEqualTo(0.0);
    assertThat(s.rootDispersionSeconds()).isEqualTo(0.0);
    assertThat(s.maxErrorSeconds()).isEqualTo(0.000004);
    assertThat(s.stratum()).isEqualTo(10);
    assertThat(s.refId()).isEqualTo("7F7F0101");
    assertThat(s.reference()).isEqualTo("10.233.0.2");
    assertThat(s.localReference()).isTrue();
    assertThat(s.leapStatus()).isEqualTo(LeapStatus.NORMAL);
    assertThat(s.pollIntervalSeconds()).isEqualTo(16.0);
    assertThat(s.jitterSeconds()).isEqualTo(0.0);
    assertThat(s.referenceTimestampSeconds()).isEqualTo(utc("2026-11-21T12:27:21Z"));
    assertThat(s.lastOffsetSeconds()).isNull();
    assertThat(s.updateIntervalSeconds()).isNull();
  }

  @Test
  void serverAheadBy73SecondsIsANegativeOffset() throws Exception {
    TimesyncProperties p = properties("false73-show-timesync-all.txt");
    TimesyncStatus st = status("false73-timesync-status.txt");
    SystemStatus s = TimesyncdReportMapper.system(p, st, show("false73-show.txt"));
    // "Offset: +1min 13.000065s": the server is 73 s ahead, so the local clock is 73 s behind.
    assertThat(s.offsetSeconds()).isEqualTo(-73.000065);
    assertThat(s.synchronized_()).isTrue();
    assertThat(s.reference()).isEqualTo("10.233.0.3");
    assertThat(s.referenceTimestampSeconds()).isEqualTo(utc("2026-11-21T12:28:42Z"));

    List<SourceStatus> sources = TimesyncdReportMapper.sources(p, st);
    assertThat(sources).hasSize(1);
    SourceStatus source = sources.get(0);
    assertThat(source.source()).isEqualTo("10.233.0.3");
    assertThat(source.mode()).isEqualTo(SourceMode.SERVER);
    assertThat(source.state()).isEqualTo(SourceState.SELECTED);
    assertThat(source.offsetSeconds()).isEqualTo(-73.000065);
    assertThat(source.delaySeconds()).isEqualTo(0.000402);
    assertThat(source.jitterSeconds()).isEqualTo(0.0);
    assertThat(source.stratum()).isEqualTo(10);
    assertThat(source.refId()).isEqualTo("7F7F0101");
    assertThat(source.pollIntervalSeconds()).isEqualTo(16.0);
    assertThat(source.reachability()).isNull();
  }

  @Test
  void localClockAheadIsAPositiveOffsetAndFrequencyIsNegatedFromTheCorrection() throws Exception {
    TimesyncStatus st =
        new TimesyncStatusParser().parse(Fixtures.TIMEDATECTL.corpus("jc-timesync-status.txt"));
    SystemStatus s = TimesyncdReportMapper.system(null, st, null);
    // "Offset: -5.224ms": the server is behind us, so the local clock is 5.224 ms ahead.
    assertThat(s.offsetSeconds()).isEqualTo(0.005224);
    // "+27.071ppm" is the correction speeding the clock up: the oscillator runs slow.
    assertThat(s.frequencyPpm()).isEqualTo(-27.071);
    assertThat(s.synchronized_()).isTrue();
    assertThat(s.stratum()).isEqualTo(1);
    assertThat(s.refId()).isEqualTo("GOOG");
    assertThat(s.localReference()).isFalse();
    assertThat(s.reference()).isEqualTo("216.239.35.8");
    assertThat(s.jitterSeconds()).isEqualTo(0.005386);
    assertThat(s.pollIntervalSeconds()).isEqualTo(512.0);
    // timesync-status has only the root distance, not its two parts.
    assertThat(s.rootDelaySeconds()).isNull();
    assertThat(s.rootDispersionSeconds()).isNull();
    assertThat(s.referenceTimestampSeconds()).isNull();
  }

  @Test
  void rawFrequencyIsDividedBy65536AndNegated() throws Exception {
    TimesyncProperties p = new ShowTimesyncParser().parse(NO_REPLY_YET);
    SystemStatus s = TimesyncdReportMapper.system(p, null, null);
    assertThat(p.frequencyCorrectionPpm()).isEqualTo(10.0);
    assertThat(s.frequencyPpm()).isEqualTo(-10.0);
  }

  @Test
  void propertiesFrequencyWinsOverTheRoundedStatusOne() throws Exception {
    TimesyncProperties p =
        new ShowTimesyncParser()
            .parse(
                Fixtures.TIMEDATECTL
                    .capture("good-show-timesync-all.txt")
                    .replace("Frequency=0", "Frequency=1774136"));
    TimesyncStatus st =
        new TimesyncStatusParser()
            .parse(
                Fixtures.TIMEDATECTL
                    .capture("good-timesync-status.txt")
                    .replace("+0.000ppm", "+27.071ppm"));
    assertThat(TimesyncdReportMapper.system(p, st, null).frequencyPpm())
        .isEqualTo(-1774136 / 65536.0);
  }

  @Test
  void noNtpMessageIsNotSynchronisedAndInventsNothing() throws Exception {
    TimesyncProperties p = new ShowTimesyncParser().parse(NO_REPLY_YET);
    // Even a timesync-status with reply lines does not count without the NTP message.
    SystemStatus s =
        TimesyncdReportMapper.system(p, status("good-timesync-status.txt"), show("good-show.txt"));
    assertThat(s.synchronized_()).isFalse();
    assertThat(s.offsetSeconds()).isNull();
    assertThat(s.jitterSeconds()).isNull();
    assertThat(s.stratum()).isNull();
    assertThat(s.refId()).isNull();
    assertThat(s.reference()).isNull();
    assertThat(s.rootDelaySeconds()).isNull();
    assertThat(s.rootDispersionSeconds()).isNull();
    assertThat(s.referenceTimestampSeconds()).isNull();
    assertThat(s.leapStatus()).isNull();
    assertThat(s.localReference()).isNull();
    assertThat(s.maxErrorSeconds()).isNull();
    // What timesyncd does report: its poll interval and the kernel frequency.
    assertThat(s.pollIntervalSeconds()).isEqualTo(32.0);
    assertThat(s.frequencyPpm()).isEqualTo(-10.0);

    List<SourceStatus> sources = TimesyncdReportMapper.sources(p, null);
    assertThat(sources).hasSize(1);
    assertThat(sources.get(0).state()).isEqualTo(SourceState.UNUSABLE);
    assertThat(sources.get(0).offsetSeconds()).isNull();
    assertThat(sources.get(0).stratum()).isNull();
  }

  @Test
  void statusWithoutReplyAloneIsNotSynchronised() throws Exception {
    TimesyncStatus st =
        new TimesyncStatusParser()
            .parse(
                "       Server: 10.233.0.2 (10.233.0.2)\n"
                    + "Poll interval: 0 (min: 32s; max 34min 8s)\n"
                    + " Packet count: 0\n");
    SystemStatus s = TimesyncdReportMapper.system(null, st, null);
    assertThat(s.synchronized_()).isFalse();
    assertThat(s.offsetSeconds()).isNull();
    assertThat(s.stratum()).isNull();
  }

  @Test
  void noServerNoSource() throws Exception {
    TimesyncProperties p = new ShowTimesyncParser().parse("SystemNTPServers=\nFrequency=0\n");
    assertThat(TimesyncdReportMapper.sources(p, null)).isEmpty();
    assertThat(TimesyncdReportMapper.system(p, null, null).reference()).isNull();
  }

  @Test
  void serverNameStandsInForAMissingAddress() throws Exception {
    TimesyncProperties p =
        new ShowTimesyncParser()
            .parse(
                Fixtures.TIMEDATECTL
                    .capture("good-show-timesync-all.txt")
                    .replace("ServerName=10.233.0.2", "ServerName=ntp.example.org")
                    .replace("ServerAddress=10.233.0.2", "ServerAddress="));
    assertThat(TimesyncdReportMapper.system(p, null, null).reference())
        .isEqualTo("ntp.example.org");
    assertThat(TimesyncdReportMapper.sources(p, null).get(0).source()).isEqualTo("ntp.example.org");
  }

  @Test
  void unsynchronisedLeapOrStratumIsNotSynchronised() throws Exception {
    String good = Fixtures.TIMEDATECTL.capture("good-show-timesync-all.txt");
    for (String replaced :
        List.of(
            good.replace("Leap=0", "Leap=3"),
            good.replace("Stratum=10", "Stratum=16"),
            good.replace("Stratum=10", "Stratum=0"))) {
      TimesyncProperties p = new ShowTimesyncParser().parse(replaced);
      assertThat(TimesyncdReportMapper.system(p, null, null).synchronized_()).isFalse();
      assertThat(TimesyncdReportMapper.sources(p, null).get(0).state())
          .isEqualTo(SourceState.UNUSABLE);
    }
    TimesyncProperties alarm = new ShowTimesyncParser().parse(good.replace("Leap=0", "Leap=3"));
    assertThat(TimesyncdReportMapper.system(alarm, null, null).leapStatus())
        .isEqualTo(LeapStatus.UNSYNCHRONISED);
    TimesyncProperties insert = new ShowTimesyncParser().parse(good.replace("Leap=0", "Leap=1"));
    assertThat(TimesyncdReportMapper.system(insert, null, null).leapStatus())
        .isEqualTo(LeapStatus.INSERT_SECOND);
    assertThat(TimesyncdReportMapper.system(insert, null, null).synchronized_()).isTrue();
  }

  @Test
  void afterKillTheLastReplyStaysAndItsArrivalTimeShowsTheAge() throws Exception {
    SystemStatus before =
        TimesyncdReportMapper.system(
            properties("good-show-timesync-after-2nd-poll.txt"), null, null);
    SystemStatus after =
        TimesyncdReportMapper.system(
            properties("after-kill-show-timesync-all.txt"),
            status("after-kill-timesync-status.txt"),
            null);
    assertThat(after.synchronized_()).isEqualTo(before.synchronized_()).isTrue();
    assertThat(after.referenceTimestampSeconds())
        .isEqualTo(before.referenceTimestampSeconds())
        .isEqualTo(utc("2026-11-21T12:27:37Z"));
    assertThat(after.offsetSeconds()).isEqualTo(-0.000006);
    assertThat(after.jitterSeconds()).isEqualTo(0.000002);
  }

  @Test
  void statusOfAnotherServerIsIgnored() throws Exception {
    SystemStatus s =
        TimesyncdReportMapper.system(
            properties("good-show-timesync-all.txt"), status("false73-timesync-status.txt"), null);
    assertThat(s.offsetSeconds()).isNull();
    assertThat(s.reference()).isEqualTo("10.233.0.2");
    assertThat(s.synchronized_()).isTrue();
  }

  @Test
  void ambiguousArrivalTimeIsReadInTheHostZone() throws Exception {
    String text =
        Fixtures.TIMEDATECTL
            .capture("good-show-timesync-all.txt")
            .replace("Sat 2026-11-21 12:27:21 UTC", "Sat 2026-11-21 17:57:21 IST");
    TimesyncProperties p = new ShowTimesyncParser().parse(text);
    TimedateProperties kolkata =
        new ShowParser()
            .parse(
                Fixtures.TIMEDATECTL
                    .capture("good-show.txt")
                    .replace("Timezone=Etc/UTC", "Timezone=Asia/Kolkata"));
    assertThat(TimesyncdReportMapper.system(p, null, null).referenceTimestampSeconds()).isNull();
    assertThat(TimesyncdReportMapper.system(p, null, kolkata).referenceTimestampSeconds())
        .isEqualTo(utc("2026-11-21T12:27:21Z"));
  }
}
