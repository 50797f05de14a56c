package io.clockhealth.exporter.collect.chrony;

import io.clockhealth.exporter.model.Daemon;
import io.clockhealth.exporter.model.DaemonReport;
import io.clockhealth.exporter.model.HostClock;
import io.clockhealth.exporter.model.ServerStat;
import io.clockhealth.exporter.model.SourceStatus;
import io.clockhealth.exporter.model.SystemStatus;
import io.clockhealth.exporter.parse.FormatList;
import io.clockhealth.exporter.parse.OutputFormat;
import io.clockhealth.exporter.parse.TextParser;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The chronyc parsers, each registered once with what the {@code parse} command reports of its
 * output (human and CSV layouts alike). The collector runs the handles declared here; the format
 * registry, the tests and the fuzz targets read {@link #all()}.
 */
public final class ChronyFormats {

  private static final FormatList FORMATS = new FormatList();

  public static final TextParser<ChronyTracking> TRACKING =
      FORMATS.register(
          new TrackingParser(), t -> report(ChronyReportMapper.system(t), List.of(), List.of()));
  public static final TextParser<List<ChronySource>> SOURCES =
      FORMATS.register(
          new SourcesParser(),
          s -> report(null, ChronyReportMapper.sources(s, List.of()), List.of()));
  public static final TextParser<List<ChronySourceStats>> SOURCESTATS =
      FORMATS.register(new SourceStatsParser(), s -> report(null, statsOnly(s), List.of()));
  public static final TextParser<ChronyServerStats> SERVERSTATS =
      FORMATS.register(
          new ServerStatsParser(), s -> report(null, List.of(), ChronyReportMapper.serverStats(s)));
  public static final TextParser<List<ChronyNtpData>> NTPDATA =
      FORMATS.register(
          new NtpDataParser(), n -> report(null, ChronyReportMapper.ntpData(n), List.of()));
  public static final TextParser<List<ChronyAuthData>> AUTHDATA =
      FORMATS.register(
          new AuthDataParser(), a -> report(null, ChronyReportMapper.authData(a), List.of()));

  public static final TextParser<List<ChronySelectData>> SELECTDATA =
      FORMATS.register(
          new SelectDataParser(), d -> report(null, ChronyReportMapper.selection(d), List.of()));
  public static final TextParser<ChronyActivity> ACTIVITY =
      FORMATS.register(
          new ActivityParser(), a -> report(ChronyReportMapper.activity(a), List.of(), List.of()));

  public static final TextParser<List<ChronyClient>> CLIENTS =
      FORMATS.register(
          new ClientsParser(),
          c ->
              new DaemonReport(
                  Daemon.CHRONY,
                  null,
                  null,
                  List.of(),
                  List.of(),
                  HostClock.NONE,
                  ChronyReportMapper.clients(c, 0),
                  null));

  private ChronyFormats() {}

  /** Every chronyc format, in registration order. */
  public static List<OutputFormat> all() {
    return FORMATS.all();
  }

  /** sourcestats alone: one source per row with only the statistics columns. */
  private static List<SourceStatus> statsOnly(List<ChronySourceStats> stats) {
    return stats.stream()
        .map(
            s ->
                SourceStatus.builder(s.name())
                    .samples(s.samples())
                    .frequencyPpm(s.frequencyPpm())
                    .frequencySkewPpm(s.frequencySkewPpm())
                    .stdDevSeconds(s.stdDevSeconds())
                    .spanSeconds(s.spanSeconds())
                    .build())
        .toList();
  }

  private static DaemonReport report(
      @Nullable SystemStatus system, List<SourceStatus> sources, List<ServerStat> serverStats) {
    return new DaemonReport(Daemon.CHRONY, null, system, sources, serverStats);
  }
}
