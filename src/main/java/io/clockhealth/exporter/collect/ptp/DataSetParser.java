package io.clockhealth.exporter.collect.ptp;

import io.clockhealth.exporter.parse.AbstractTextParser;
import io.clockhealth.exporter.parse.ParseException;
import java.util.List;

/**
 * The output of {@code pmc 'GET ID'} for one management ID, e.g. {@code pmc-current-data-set}: its
 * reply blocks, and nothing of another ID (several IDs in one output are {@link PmcBatchParser}'s).
 */
final class DataSetParser<T> extends AbstractTextParser<T> {

  private final DataSet<T> dataSet;

  DataSetParser(String format, DataSet<T> dataSet) {
    super(format, text -> onlyOf(dataSet.managementId(), text));
    this.dataSet = dataSet;
  }

  private static boolean onlyOf(String managementId, String text) {
    List<String> ids = PmcOutput.replyIds(text);
    return !ids.isEmpty() && ids.stream().allMatch(managementId::equals);
  }

  @Override
  public T parse(String text) throws ParseException {
    List<PmcResponse> replies = PmcOutput.read(format(), text);
    String managementId = dataSet.managementId();
    for (PmcResponse reply : replies) {
      if (!reply.managementId().equals(managementId)) {
        throw ParseException.malformed(
            format(),
            reply.header().number(),
            reply.header().text(),
            "a reply of " + reply.managementId() + ", not " + managementId);
      }
      if (reply.error() != null) {
        throw ParseException.toolError(format(), reply.header().number(), reply.header().text());
      }
    }
    return dataSet.read(replies);
  }
}
