package io.clockhealth.exporter.collect.timesyncd;

import io.clockhealth.exporter.model.Daemon;
import io.clockhealth.exporter.model.DaemonReport;
import io.clockhealth.exporter.model.SourceStatus;
import io.clockhealth.exporter.model.SystemStatus;
import io.clockhealth.exporter.parse.FormatList;
import io.clockhealth.exporter.parse.OutputFormat;
import io.clockhealth.exporter.parse.TextParser;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The timedatectl parsers, each registered once with what the {@code parse} command reports of its
 * output. The collector runs the handles declared here; the format registry, the tests and the fuzz
 * targets read {@link #all()}.
 *
 * <p>{@code timedatectl show} and {@code status} carry timedated's settings and the kernel's
 * synchronisation flag, which any daemon may have set: nothing timesyncd itself measured, so no
 * timesyncd series. {@code show} yields the host series of timedated's {@code NTP=} and {@code
 * LocalRTC=}; {@code status} parses (so the input is checked) and yields nothing.
 */
public final class TimesyncdFormats {

  private static final FormatList FORMATS = new FormatList();

  public static final TextParser<TimesyncProperties> SHOW_TIMESYNC =
      FORMATS.register(
          new ShowTimesyncParser(),
          p ->
              report(
                  TimesyncdReportMapper.system(p, null, null),
                  TimesyncdReportMapper.sources(p, null)));
  public static final TextParser<TimesyncStatus> TIMESYNC_STATUS =
      FORMATS.register(
          new TimesyncStatusParser(),
          s ->
              report(
                  TimesyncdReportMapper.system(null, s, null),
                  TimesyncdReportMapper.sources(null, s)));
  public static final TextParser<TimedateProperties> SHOW =
      FORMATS.register(
          new ShowParser(),
          p ->
              new DaemonReport(
                  Daemon.TIMESYNCD,
                  null,
                  null,
                  List.of(),
                  List.of(),
                  TimesyncdReportMapper.host(p),
                  null,
                  null));
  public static final TextParser<TimedateStatus> STATUS =
      FORMATS.register(new StatusParser(), s -> report(null, List.of()));

  private TimesyncdFormats() {}

  /** Every timedatectl format, in registration order. */
  public static List<OutputFormat> all() {
    return FORMATS.all();
  }

  private static DaemonReport report(@Nullable SystemStatus system, List<SourceStatus> sources) {
    return new DaemonReport(Daemon.TIMESYNCD, null, system, sources, List.of());
  }
}
