package io.clockhealth.exporter.collect.ptp;

import io.clockhealth.exporter.model.PtpPortState;
import io.clockhealth.exporter.parse.ParseException;
import java.util.ArrayList;
import java.util.List;

/** {@code PORT_DATA_SET}: one block per port, with its state and its Sync interval. */
record PortDataSet(List<Port> ports) {

  static final DataSet<PortDataSet> DATA_SET = DataSet.perPort("PORT_DATA_SET", PortDataSet::read);

  /**
   * @param logSyncInterval log2 of the Sync interval in seconds (0 = one Sync a second)
   */
  record Port(String portIdentity, String portNumber, PtpPortState state, int logSyncInterval) {}

  PortDataSet {
    ports = List.copyOf(ports);
  }

  private static PortDataSet read(List<PmcResponse> replies) throws ParseException {
    List<Port> ports = new ArrayList<>();
    for (PmcResponse r : replies) {
      String word = r.text("portState");
      PtpPortState state =
          PtpPortState.printed(word)
              .orElseThrow(
                  () ->
                      ParseException.malformed(
                          r.format(),
                          r.header().number(),
                          r.header().text(),
                          "unknown portState \"" + word + "\""));
      ports.add(
          new Port(r.portIdentity(), r.portNumber(), state, (int) r.integer("logSyncInterval")));
    }
    return new PortDataSet(ports);
  }
}
