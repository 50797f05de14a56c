package io.clockhealth.exporter.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import io.clockhealth.exporter.collect.timesyncd.TimesyncProperties;
import io.clockhealth.exporter.collect.timesyncd.TimesyncdFormats;
import io.clockhealth.exporter.collect.timesyncd.TimesyncdReportMapper;
import io.clockhealth.exporter.model.Daemon;
import io.clockhealth.exporter.model.DaemonReport;
import io.clockhealth.exporter.model.HostClock;
import io.clockhealth.exporter.parse.FixtureFiles;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * timesyncd without a server, without a reply, and with a reply gone stale: from the lab's captured
 * {@code show-timesync --all} (its reply arrived 12:27:37 UTC, polling every 16 s), with the lines
 * removed that a timesyncd in those states does not print.
 */
class TimesyncdFindingsTest {

  private static final String CAPTURE = "captures/timesyncd/after-kill-show-timesync-all.txt";
  private static final double REPLY_AT = Instant.parse("2026-11-21T12:27:37Z").getEpochSecond();

  private static DaemonReport report(String showTimesync) throws Exception {
    TimesyncProperties p = TimesyncdFormats.SHOW_TIMESYNC.parse(showTimesync);
    return new DaemonReport(
        Daemon.TIMESYNCD,
        true,
        TimesyncdReportMapper.system(p, null, null),
        TimesyncdReportMapper.sources(p, null),
        List.of(),
        HostClock.NONE,
        null,
        null);
  }

  private static String without(String... prefixes) throws Exception {
    StringBuilder kept = new StringBuilder();
    for (String line : FixtureFiles.read(CAPTURE).split("\n")) {
      boolean drop = false;
      for (String p : prefixes) {
        drop |= line.startsWith(p);
      }
      if (!drop) {
        kept.append(line).append('\n');
      }
    }
    return kept.toString();
  }

  @Test
  void noServerIsCriticalAndTheFixIsNtpInTimesyncdConf() throws Exception {
    List<Finding> f =
        TimesyncdFindings.of(
            report(without("ServerName=", "ServerAddress=", "NTPMessage=")), REPLY_AT);
    assertThat(f).extracting(Finding::id).containsExactly("timesyncd-no-server");
    assertThat(f.get(0).severity()).isEqualTo(Severity.CRITICAL);
    assertThat(f.get(0).fix()).contains("NTP=<address>").contains("local stratum 10");
  }

  @Test
  void aServerThatNeverAnsweredIsCriticalAndNamed() throws Exception {
    List<Finding> f = TimesyncdFindings.of(report(without("NTPMessage=")), REPLY_AT);
    assertThat(f).extracting(Finding::id).containsExactly("timesyncd-no-reply");
    assertThat(f.get(0).summary()).isEqualTo("systemd-timesyncd has had no reply from 10.233.0.2.");
    assertThat(f.get(0).evidence()).contains("polling every 16.000 s");
  }

  @Test
  void aReplyOlderThanEightPollsIsStale() throws Exception {
    DaemonReport r = report(FixtureFiles.read(CAPTURE));
    assertThat(TimesyncdFindings.of(r, REPLY_AT + 8 * 16)).isEmpty();
    List<Finding> f = TimesyncdFindings.of(r, REPLY_AT + 8 * 16 + 1);
    assertThat(f).extracting(Finding::id).containsExactly("timesyncd-reply-stale");
    assertThat(f.get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(f.get(0).summary()).contains("2 min 9 s old");
  }

  @Test
  void otherDaemonsAreNotItsBusiness() {
    assertThat(TimesyncdFindings.of(DaemonReport.empty(Daemon.CHRONY, true), 0)).isEmpty();
  }
}
