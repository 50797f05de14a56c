package io.clockhealth.exporter.collect.timesyncd;

import io.clockhealth.exporter.metrics.Daemon;
import io.clockhealth.exporter.metrics.DaemonReport;
import io.clockhealth.exporter.metrics.SourceStatus;
import io.clockhealth.exporter.metrics.SystemStatus;
import io.clockhealth.exporter.parse.OutputFormat;
import java.util.List;

/**
 * The timedatectl output formats of the {@code parse} command.
 *
 * <p>{@code timedatectl show} and {@code status} carry timedated's settings and the kernel's
 * synchronisation flag, which any daemon may have set: nothing timesyncd itself measured, so no
 * timesyncd series. {@code show} yields the host series of timedated's {@code NTP=} and {@code
 * LocalRTC=}; {@code status} parses (so the input is checked) and yields nothing.
 */
public final class TimesyncdFormats {

  private TimesyncdFormats() {}

  public static List<OutputFormat> all() {
    ShowTimesyncParser showTimesync = new ShowTimesyncParser();
    TimesyncStatusParser timesyncStatus = new TimesyncStatusParser();
    ShowParser show = new ShowParser();
    StatusParser status = new StatusParser();
    return List.of(
        OutputFormat.of(
            ShowTimesyncParser.FORMAT,
            ShowTimesyncParser::recognises,
            text -> {
              TimesyncProperties p = showTimesync.parse(text);
              return report(
                  TimesyncdReportMapper.system(p, null, null),
                  TimesyncdReportMapper.sources(p, null));
            }),
        OutputFormat.of(
            TimesyncStatusParser.FORMAT,
            TimesyncStatusParser::recognises,
            text -> {
              TimesyncStatus s = timesyncStatus.parse(text);
              return report(
                  TimesyncdReportMapper.system(null, s, null),
                  TimesyncdReportMapper.sources(null, s));
            }),
        OutputFormat.of(
            ShowParser.FORMAT,
            ShowParser::recognises,
            text -> {
              return new DaemonReport(
                  Daemon.TIMESYNCD,
                  null,
                  null,
                  List.of(),
                  List.of(),
                  TimesyncdReportMapper.host(show.parse(text)));
            }),
        OutputFormat.of(
            StatusParser.FORMAT,
            StatusParser::recognises,
            text -> {
              status.parse(text);
              return report(null, List.of());
            }));
  }

  private static DaemonReport report(SystemStatus system, List<SourceStatus> sources) {
    return new DaemonReport(Daemon.TIMESYNCD, null, system, sources, List.of());
  }
}
