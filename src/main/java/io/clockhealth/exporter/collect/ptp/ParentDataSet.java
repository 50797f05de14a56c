package io.clockhealth.exporter.collect.ptp;

import io.clockhealth.exporter.parse.ParseException;

/**
 * {@code PARENT_DATA_SET}: the master port this clock follows and the grandmaster behind it. A
 * clock that follows no master names itself.
 *
 * @param grandmasterQuality IEEE 1588's grandmasterClockQuality, which pmc prints as {@code gm.*}
 */
record ParentDataSet(
    String parentPortIdentity, String grandmasterIdentity, ClockQuality grandmasterQuality) {

  /**
   * @param clockClass what the clock is locked to, e.g. 6 (a primary reference), 248 (default)
   * @param clockAccuracy as printed, e.g. {@code 0x21} (within 100 ns), {@code 0xfe} (unknown)
   */
  record ClockQuality(int clockClass, String clockAccuracy) {}

  static final DataSet<ParentDataSet> DATA_SET =
      DataSet.clockWide("PARENT_DATA_SET", ParentDataSet::read);

  private static ParentDataSet read(PmcResponse r) throws ParseException {
    ClockQuality gm = new ClockQuality((int) r.integer("gm.ClockClass"), r.hex("gm.ClockAccuracy"));
    return new ParentDataSet(r.text("parentPortIdentity"), r.text("grandmasterIdentity"), gm);
  }
}
