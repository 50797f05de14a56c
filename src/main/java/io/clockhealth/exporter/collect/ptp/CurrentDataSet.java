package io.clockhealth.exporter.collect.ptp;

import io.clockhealth.exporter.parse.ParseException;

/**
 * {@code CURRENT_DATA_SET}: the path to the grandmaster and the last measured offset. pmc prints
 * both times in nanoseconds ({@code -1159.0}).
 *
 * @param offsetFromMasterNs this clock minus its master, ns; kept by ptp4l after the master is
 *     lost, so it is current only while a port is in {@code SLAVE} with a fresh Sync
 */
record CurrentDataSet(int stepsRemoved, double offsetFromMasterNs, double meanPathDelayNs) {

  static final DataSet<CurrentDataSet> DATA_SET =
      DataSet.clockWide("CURRENT_DATA_SET", CurrentDataSet::read);

  private static CurrentDataSet read(PmcResponse r) throws ParseException {
    return new CurrentDataSet(
        (int) r.integer("stepsRemoved"), r.decimal("offsetFromMaster"), r.decimal("meanPathDelay"));
  }
}
