package io.clockhealth.exporter.collect.ptp;

import io.clockhealth.exporter.parse.ParseException;

/** {@code DEFAULT_DATA_SET}: this clock's own identity and settings. */
record DefaultDataSet(String clockIdentity, boolean slaveOnly, int clockClass, int domainNumber) {

  static final DataSet<DefaultDataSet> DATA_SET =
      DataSet.clockWide("DEFAULT_DATA_SET", DefaultDataSet::read);

  private static DefaultDataSet read(PmcResponse r) throws ParseException {
    return new DefaultDataSet(
        r.text("clockIdentity"),
        r.flag("slaveOnly"),
        (int) r.integer("clockClass"),
        (int) r.integer("domainNumber"));
  }
}
