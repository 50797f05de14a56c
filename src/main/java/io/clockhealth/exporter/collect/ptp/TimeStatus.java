package io.clockhealth.exporter.collect.ptp;

import io.clockhealth.exporter.parse.ParseException;

/**
 * {@code TIME_STATUS_NP}, linuxptp's own status.
 *
 * @param ingressTimeNs when the last Sync came, ns since the epoch of the timestamping clock; 0
 *     when none came since the port last (re)started following a master
 * @param gmPresent ptp4l's "another clock is grandmaster": it stays true after the master is lost
 */
record TimeStatus(long masterOffsetNs, long ingressTimeNs, boolean gmPresent, String gmIdentity) {

  static final DataSet<TimeStatus> DATA_SET = DataSet.clockWide("TIME_STATUS_NP", TimeStatus::read);

  private static TimeStatus read(PmcResponse r) throws ParseException {
    return new TimeStatus(
        r.integer("master_offset"),
        r.integer("ingress_time"),
        r.flag("gmPresent"),
        r.text("gmIdentity"));
  }
}
