package io.clockhealth.exporter.collect.ptp;

import io.clockhealth.exporter.parse.ParseException;

/**
 * {@code PARENT_DATA_SET}: the master port this clock follows and the grandmaster behind it. A
 * clock that follows no master names itself.
 */
record ParentDataSet(
    String parentPortIdentity,
    String grandmasterIdentity,
    int grandmasterClockClass,
    String grandmasterClockAccuracy) {

  static final DataSet<ParentDataSet> DATA_SET =
      DataSet.clockWide("PARENT_DATA_SET", ParentDataSet::read);

  private static ParentDataSet read(PmcResponse r) throws ParseException {
    return new ParentDataSet(
        r.text("parentPortIdentity"),
        r.text("grandmasterIdentity"),
        (int) r.integer("gm.ClockClass"),
        r.hex("gm.ClockAccuracy"));
  }
}
