package io.clockhealth.exporter.collect.ptp;

import io.clockhealth.exporter.parse.ParseException;

/**
 * {@code TIME_PROPERTIES_DATA_SET}: what the grandmaster announces of its time.
 *
 * @param currentUtcOffset TAI minus UTC in seconds, vouched for only when {@code utcOffsetValid}
 * @param ptpTimescale whether the grandmaster's time is PTP's (TAI) rather than arbitrary
 * @param timeSource as printed, e.g. {@code 0x20} (GNSS), {@code 0xa0} (internal oscillator)
 */
record TimeProperties(
    int currentUtcOffset,
    boolean utcOffsetValid,
    boolean ptpTimescale,
    boolean timeTraceable,
    boolean frequencyTraceable,
    String timeSource) {

  static final DataSet<TimeProperties> DATA_SET =
      DataSet.clockWide("TIME_PROPERTIES_DATA_SET", TimeProperties::read);

  private static TimeProperties read(PmcResponse r) throws ParseException {
    return new TimeProperties(
        (int) r.integer("currentUtcOffset"),
        r.flag("currentUtcOffsetValid"),
        r.flag("ptpTimescale"),
        r.flag("timeTraceable"),
        r.flag("frequencyTraceable"),
        r.hex("timeSource"));
  }
}
