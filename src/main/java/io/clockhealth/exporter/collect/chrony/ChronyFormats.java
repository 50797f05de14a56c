package io.clockhealth.exporter.collect.chrony;

import io.clockhealth.exporter.metrics.Daemon;
import io.clockhealth.exporter.metrics.DaemonReport;
import io.clockhealth.exporter.metrics.ServerStat;
import io.clockhealth.exporter.metrics.SourceStatus;
import io.clockhealth.exporter.metrics.SystemStatus;
import io.clockhealth.exporter.parse.OutputFormat;
import java.util.List;

/** The chronyc output formats of the {@code parse} command (human and CSV layouts alike). */
public final class ChronyFormats {

  private ChronyFormats() {}

  public static List<OutputFormat> all() {
    TrackingParser tracking = new TrackingParser();
    SourcesParser sources = new SourcesParser();
    SourceStatsParser sourceStats = new SourceStatsParser();
    ServerStatsParser serverStats = new ServerStatsParser();
    NtpDataParser ntpData = new NtpDataParser();
    AuthDataParser authData = new AuthDataParser();
    return List.of(
        OutputFormat.of(
            TrackingParser.FORMAT,
            TrackingParser::recognises,
            text -> report(ChronyReportMapper.system(tracking.parse(text)), List.of(), List.of())),
        OutputFormat.of(
            SourcesParser.FORMAT,
            SourcesParser::recognises,
            text ->
                report(
                    null, ChronyReportMapper.sources(sources.parse(text), List.of()), List.of())),
        OutputFormat.of(
            SourceStatsParser.FORMAT,
            SourceStatsParser::recognises,
            text -> report(null, statsOnly(sourceStats.parse(text)), List.of())),
        OutputFormat.of(
            ServerStatsParser.FORMAT,
            ServerStatsParser::recognises,
            text ->
                report(null, List.of(), ChronyReportMapper.serverStats(serverStats.parse(text)))),
        OutputFormat.of(
            NtpDataParser.FORMAT,
            NtpDataParser::recognises,
            text -> report(null, ChronyReportMapper.ntpData(ntpData.parse(text)), List.of())),
        OutputFormat.of(
            AuthDataParser.FORMAT,
            AuthDataParser::recognises,
            text -> report(null, ChronyReportMapper.authData(authData.parse(text)), List.of())));
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
      SystemStatus system, List<SourceStatus> sources, List<ServerStat> serverStats) {
    return new DaemonReport(Daemon.CHRONY, null, system, sources, serverStats);
  }
}
