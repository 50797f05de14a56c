package io.clockhealth.exporter.collect.ptp;

import io.clockhealth.exporter.model.DaemonReport;
import io.clockhealth.exporter.parse.FormatList;
import io.clockhealth.exporter.parse.OutputFormat;
import io.clockhealth.exporter.parse.TextParser;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * The pmc parsers, each registered once with what the {@code parse} command reports of its output:
 * one per data set the collector asks for, and {@link #BATCH} for the collector's own call with all
 * of them. A pasted output is judged against this host's clock now (how old its last Sync is), as a
 * collection would judge it.
 */
public final class PtpFormats {

  private static final FormatList FORMATS = new FormatList();
  private static final Clock CLOCK = Clock.systemUTC();

  public static final TextParser<CurrentDataSet> CURRENT =
      FORMATS.register(
          new DataSetParser<>("pmc-current-data-set", CurrentDataSet.DATA_SET),
          only(v -> new PmcBatch(v, null, null, null, null, null, null, List.of())));
  public static final TextParser<ParentDataSet> PARENT =
      FORMATS.register(
          new DataSetParser<>("pmc-parent-data-set", ParentDataSet.DATA_SET),
          only(v -> new PmcBatch(null, v, null, null, null, null, null, List.of())));
  public static final TextParser<PortDataSet> PORT =
      FORMATS.register(
          new DataSetParser<>("pmc-port-data-set", PortDataSet.DATA_SET),
          only(v -> new PmcBatch(null, null, v, null, null, null, null, List.of())));
  public static final TextParser<TimeStatus> TIME_STATUS =
      FORMATS.register(
          new DataSetParser<>("pmc-time-status-np", TimeStatus.DATA_SET),
          only(v -> new PmcBatch(null, null, null, v, null, null, null, List.of())));
  public static final TextParser<TimeProperties> TIME_PROPERTIES =
      FORMATS.register(
          new DataSetParser<>("pmc-time-properties-data-set", TimeProperties.DATA_SET),
          only(v -> new PmcBatch(null, null, null, null, v, null, null, List.of())));
  public static final TextParser<DefaultDataSet> DEFAULT =
      FORMATS.register(
          new DataSetParser<>("pmc-default-data-set", DefaultDataSet.DATA_SET),
          only(v -> new PmcBatch(null, null, null, null, null, v, null, List.of())));
  public static final TextParser<PortProperties> PORT_PROPERTIES =
      FORMATS.register(
          new DataSetParser<>("pmc-port-properties-np", PortProperties.DATA_SET),
          only(v -> new PmcBatch(null, null, null, null, null, null, v, List.of())));
  public static final TextParser<PmcBatch> BATCH =
      FORMATS.register(new PmcBatchParser(), only(Function.identity()));

  private PtpFormats() {}

  /** Every pmc format, in registration order. */
  public static List<OutputFormat> all() {
    return FORMATS.all();
  }

  private static <T> Function<T, DaemonReport> only(Function<T, PmcBatch> asBatch) {
    return value -> PtpReportMapper.report(asBatch.apply(value), CLOCK.instant());
  }
}
