package io.clockhealth.exporter.collect.ptp;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one pmc run with several {@code GET}s answered: each data set, {@code null} when it was not
 * in the output.
 *
 * @param refused the management IDs ptp4l answered with an error status, with its words
 */
record PmcBatch(
    @Nullable CurrentDataSet current,
    @Nullable ParentDataSet parent,
    @Nullable PortDataSet ports,
    @Nullable TimeStatus timeStatus,
    @Nullable TimeProperties timeProperties,
    @Nullable DefaultDataSet defaults,
    @Nullable PortProperties portProperties,
    List<String> refused) {

  PmcBatch {
    refused = List.copyOf(refused);
  }

  static final PmcBatch EMPTY = new PmcBatch(null, null, null, null, null, null, null, List.of());
}
