package io.clockhealth.exporter.collect.ptp;

import io.clockhealth.exporter.parse.ParseException;
import java.util.ArrayList;
import java.util.List;

/** {@code PORT_PROPERTIES_NP}: each port's interface and how it timestamps. */
record PortProperties(List<Port> ports) {

  static final DataSet<PortProperties> DATA_SET =
      DataSet.perPort("PORT_PROPERTIES_NP", PortProperties::read);

  /**
   * @param timestamping {@code SOFTWARE}, {@code HARDWARE}, {@code LEGACY_HW}, {@code ONESTEP}...
   */
  record Port(String portIdentity, String interfaceName, String timestamping) {}

  PortProperties {
    ports = List.copyOf(ports);
  }

  private static PortProperties read(List<PmcResponse> replies) throws ParseException {
    List<Port> ports = new ArrayList<>();
    for (PmcResponse r : replies) {
      ports.add(new Port(r.portIdentity(), r.text("interface"), r.text("timestamping")));
    }
    return new PortProperties(ports);
  }
}
