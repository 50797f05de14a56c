package io.clockhealth.exporter.collect.ntpd;

import io.clockhealth.exporter.metrics.Daemon;
import io.clockhealth.exporter.metrics.DaemonReport;
import io.clockhealth.exporter.metrics.SourceStatus;
import io.clockhealth.exporter.metrics.SystemStatus;
import io.clockhealth.exporter.parse.OutputFormat;
import java.util.List;

/** The ntpq output formats of the {@code parse} command. */
public final class NtpdFormats {

  private NtpdFormats() {}

  public static List<OutputFormat> all() {
    NtpqPeersParser peers = new NtpqPeersParser();
    NtpqSysVarsParser sysVars = new NtpqSysVarsParser();
    return List.of(
        OutputFormat.of(
            NtpqPeersParser.FORMAT,
            NtpqPeersParser::recognises,
            text -> report(null, NtpdReportMapper.sources(peers.parse(text)))),
        OutputFormat.of(
            NtpqSysVarsParser.FORMAT,
            NtpqSysVarsParser::recognises,
            // Without the peers output the selected source's name is unknown: reference is "".
            text -> report(NtpdReportMapper.system(sysVars.parse(text), List.of()), List.of())));
  }

  private static DaemonReport report(SystemStatus system, List<SourceStatus> sources) {
    return new DaemonReport(Daemon.NTPD, null, system, sources, List.of());
  }
}
