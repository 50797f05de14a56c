package io.clockhealth.exporter.collect.ptp;

import io.clockhealth.exporter.parse.ParseException;
import java.util.List;

/**
 * {@code PARENT_DATA_SET}: the master port this clock follows and the grandmaster behind it. A
 * clock that follows no master names itself.
 */
record ParentDataSet(
    String parentPortIdentity,
    String grandmasterIdentity,
    int grandmasterClockClass,
    String grandmasterClockAccuracy) {

  static final String ID = "PARENT_DATA_SET";

  static ParentDataSet read(List<PmcResponse> replies) throws ParseException {
    PmcResponse r = replies.get(0);
    return new ParentDataSet(
        r.text("parentPortIdentity"),
        r.text("grandmasterIdentity"),
        (int) r.integer("gm.ClockClass"),
        r.hex("gm.ClockAccuracy"));
  }
}
