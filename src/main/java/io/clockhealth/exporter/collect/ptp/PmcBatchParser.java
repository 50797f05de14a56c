package io.clockhealth.exporter.collect.ptp;

import io.clockhealth.exporter.parse.AbstractTextParser;
import io.clockhealth.exporter.parse.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The output of one pmc run with several {@code GET}s (the collector's call), format {@code pmc}:
 * every reply block, grouped by management ID. IDs the exporter does not read are skipped; an error
 * status is kept as refused. It also takes any pmc output that no single data-set parser takes (a
 * data set the exporter does not read), so that every pmc output has one format.
 */
final class PmcBatchParser extends AbstractTextParser<PmcBatch> {

  static final String FORMAT = "pmc";

  /** The data sets read, in the order the collector asks pmc for them. */
  static final List<DataSet<?>> READ =
      List.of(
          CurrentDataSet.DATA_SET,
          ParentDataSet.DATA_SET,
          PortDataSet.DATA_SET,
          TimeStatus.DATA_SET,
          TimeProperties.DATA_SET,
          DefaultDataSet.DATA_SET,
          PortProperties.DATA_SET);

  private static final Set<String> READ_IDS =
      READ.stream().map(DataSet::managementId).collect(Collectors.toUnmodifiableSet());

  PmcBatchParser() {
    super(FORMAT, PmcBatchParser::looksLike);
  }

  private static boolean looksLike(String text) {
    List<String> ids = PmcOutput.replyIds(text);
    if (ids.isEmpty()) {
      return false;
    }
    String first = ids.get(0);
    boolean oneReadId = READ_IDS.contains(first) && ids.stream().allMatch(first::equals);
    return !oneReadId;
  }

  @Override
  public PmcBatch parse(String text) throws ParseException {
    Map<String, List<PmcResponse>> byId = new LinkedHashMap<>();
    List<String> refused = new ArrayList<>();
    for (PmcResponse reply : PmcOutput.read(FORMAT, text)) {
      if (reply.error() != null) {
        refused.add(reply.managementId() + ": " + reply.error());
      } else {
        byId.computeIfAbsent(reply.managementId(), id -> new ArrayList<>()).add(reply);
      }
    }
    return new PmcBatch(
        read(byId, CurrentDataSet.DATA_SET),
        read(byId, ParentDataSet.DATA_SET),
        read(byId, PortDataSet.DATA_SET),
        read(byId, TimeStatus.DATA_SET),
        read(byId, TimeProperties.DATA_SET),
        read(byId, DefaultDataSet.DATA_SET),
        read(byId, PortProperties.DATA_SET),
        refused);
  }

  private static <T> @Nullable T read(Map<String, List<PmcResponse>> byId, DataSet<T> dataSet)
      throws ParseException {
    List<PmcResponse> replies = byId.get(dataSet.managementId());
    return replies == null ? null : dataSet.read(replies);
  }
}
