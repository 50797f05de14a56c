package io.clockhealth.exporter.collect.ptp;

import io.clockhealth.exporter.parse.AbstractTextParser;
import io.clockhealth.exporter.parse.ParseException;
import java.util.List;

/**
 * The output of {@code pmc 'GET ID'} for one management ID, e.g. {@code pmc-current-data-set}: its
 * reply blocks, and nothing of another ID (several IDs in one output are {@link PmcBatchParser}'s).
 */
final class DataSetParser<T> extends AbstractTextParser<T> {

  private final String managementId;
  private final DataSetReader<T> reader;

  DataSetParser(String format, String managementId, DataSetReader<T> reader) {
    super(format, text -> onlyOf(managementId, text));
    this.managementId = managementId;
    this.reader = reader;
  }

  private static boolean onlyOf(String managementId, String text) {
    List<String> ids = PmcOutput.replyIds(text);
    return !ids.isEmpty() && ids.stream().allMatch(managementId::equals);
  }

  @Override
  public T parse(String text) throws ParseException {
    List<PmcResponse> replies = PmcOutput.read(format(), text);
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
    return reader.read(replies);
  }
}
