package io.clockhealth.exporter.collect.ntpd;

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
 * The ntpq parsers, each registered once with what the {@code parse} command reports of its output.
 * The collector runs the handles declared here; the format registry, the tests and the fuzz targets
 * read {@link #all()}.
 */
public final class NtpdFormats {

  private static final FormatList FORMATS = new FormatList();

  public static final TextParser<List<NtpqPeer>> PEERS =
      FORMATS.register(new NtpqPeersParser(), p -> report(null, NtpdReportMapper.sources(p)));
  // Without the peers output the selected source's name is unknown: reference is "".
  public static final TextParser<NtpqSysVars> SYSVARS =
      FORMATS.register(
          new NtpqSysVarsParser(), v -> report(NtpdReportMapper.system(v, List.of()), List.of()));

  private NtpdFormats() {}

  /** Every ntpq format, in registration order. */
  public static List<OutputFormat> all() {
    return FORMATS.all();
  }

  private static DaemonReport report(@Nullable SystemStatus system, List<SourceStatus> sources) {
    return new DaemonReport(Daemon.NTPD, null, system, sources, List.of());
  }
}
