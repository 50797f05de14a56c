package io.clockhealth.exporter.collect.ptp;

import io.clockhealth.exporter.parse.ParseException;
import java.util.List;

/** {@code DEFAULT_DATA_SET}: this clock's own identity and settings. */
record DefaultDataSet(String clockIdentity, boolean slaveOnly, int clockClass, int domainNumber) {

  static final String ID = "DEFAULT_DATA_SET";

  static DefaultDataSet read(List<PmcResponse> replies) throws ParseException {
    PmcResponse r = replies.get(0);
    return new DefaultDataSet(
        r.text("clockIdentity"),
        r.flag("slaveOnly"),
        (int) r.integer("clockClass"),
        (int) r.integer("domainNumber"));
  }
}
