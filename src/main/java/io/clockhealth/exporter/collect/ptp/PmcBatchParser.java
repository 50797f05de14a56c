package io.clockhealth.exporter.collect.ptp;

import io.clockhealth.exporter.parse.AbstractTextParser;
import io.clockhealth.exporter.parse.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The output of one pmc run with several {@code GET}s (the collector's call), format {@code pmc}:
 * every reply block, grouped by management ID. IDs the exporter does not read are skipped; an error
 * status is kept as refused. It also takes any pmc output that no single data-set parser takes (a
 * data set the exporter does not read), so that every pmc output has one format.
 */
final class PmcBatchParser extends AbstractTextParser<PmcBatch> {

  static final String FORMAT = "pmc";

  /** The management IDs with a parser of their own. */
  static final Set<String> READ =
      Set.of(
          CurrentDataSet.ID,
          ParentDataSet.ID,
          PortDataSet.ID,
          TimeStatus.ID,
          TimeProperties.ID,
          DefaultDataSet.ID,
          PortProperties.ID);

  PmcBatchParser() {
    super(FORMAT, PmcBatchParser::looksLike);
  }

  private static boolean looksLike(String text) {
    List<String> ids = PmcOutput.replyIds(text);
    if (ids.isEmpty()) {
      return false;
    }
    String first = ids.get(0);
    boolean oneReadId = READ.contains(first) && ids.stream().allMatch(first::equals);
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
        read(byId, CurrentDataSet.ID, CurrentDataSet::read),
        read(byId, ParentDataSet.ID, ParentDataSet::read),
        read(byId, PortDataSet.ID, PortDataSet::read),
        read(byId, TimeStatus.ID, TimeStatus::read),
        read(byId, TimeProperties.ID, TimeProperties::read),
        read(byId, DefaultDataSet.ID, DefaultDataSet::read),
        read(byId, PortProperties.ID, PortProperties::read),
        refused);
  }

  private static <T> @Nullable T read(
      Map<String, List<PmcResponse>> byId, String id, DataSetReader<T> reader)
      throws ParseException {
    List<PmcResponse> replies = byId.get(id);
    return replies == null ? null : reader.read(replies);
  }
}
