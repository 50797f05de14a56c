package io.clockhealth.exporter.collect.ptp;

import io.clockhealth.exporter.parse.ParseException;
import java.util.List;

/**
 * {@code CURRENT_DATA_SET}: the path to the grandmaster and the last measured offset. pmc prints
 * both times in nanoseconds ({@code -1159.0}).
 *
 * @param offsetFromMasterNs this clock minus its master, ns; kept by ptp4l after the master is
 *     lost, so it is current only while a port is in {@code SLAVE} with a fresh Sync
 */
record CurrentDataSet(int stepsRemoved, double offsetFromMasterNs, double meanPathDelayNs) {

  static final String ID = "CURRENT_DATA_SET";

  static CurrentDataSet read(List<PmcResponse> replies) throws ParseException {
    PmcResponse r = replies.get(0);
    return new CurrentDataSet(
        (int) r.integer("stepsRemoved"), r.decimal("offsetFromMaster"), r.decimal("meanPathDelay"));
  }
}
