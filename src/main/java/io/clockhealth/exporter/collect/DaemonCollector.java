package io.clockhealth.exporter.collect;

import io.clockhealth.exporter.model.Daemon;

/**
 * Asks one time daemon, through its command-line tool, how the clock is doing. One implementation
 * per daemon (chrony, ntpd, timesyncd), in the layout of chrony_exporter's one-collector-per-tool.
 */
public interface DaemonCollector {

  /** The daemon this collector reads. */
  Daemon daemon();

  /** The {@code collector} label value, e.g. {@code chrony}. */
  default String name() {
    return daemon().collector();
  }

  /**
   * Runs the tool's commands and parses their output into what the tool said. Never blocks longer
   * than the configured command timeouts; every failure is part of the reading ({@link DaemonRun}
   * decides what it means for the scrape).
   */
  Reading read();
}
