package io.clockhealth.exporter.collect;

/**
 * Reads the host's own clock (the kernel's NTP state, RTCs, clocksource, time zone, the time
 * daemons running): no daemon label, no tool, no process started, so it works on any host.
 */
public interface HostCollector {

  /** Its {@code collector} label value. */
  String NAME = "host";

  /**
   * Reads everything that exists here. Never throws: a source that exists but cannot be read makes
   * the result unsuccessful, one that does not exist only yields no series.
   */
  HostCollection collect();
}
