package io.clockhealth.exporter.collect;

import io.clockhealth.exporter.model.DaemonReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one outcome policy for a daemon collector: runs it, times it, turns its {@link Reading} into
 * the collection's success and report, logs failures without flooding, and caps its sources. A
 * collector's bug costs that collector's series (success 0), never the scrape.
 */
public final class DaemonRun {

  private static final Logger LOG = LoggerFactory.getLogger(DaemonRun.class);

  private final DaemonCollector collector;
  private final FailureLog failures;
  private final SourceCap sourceCap;

  DaemonRun(DaemonCollector collector, SourceCap sourceCap) {
    this.collector = collector;
    // The collector's own logger, so its lines name the daemon's package.
    this.failures = new FailureLog(LoggerFactory.getLogger(collector.getClass()), collector.name());
    this.sourceCap = sourceCap;
  }

  /** A run of one collector with no source cap (tests of one collector). */
  public static DaemonRun of(DaemonCollector collector) {
    return new DaemonRun(collector, new SourceCap(Integer.MAX_VALUE));
  }

  public CollectorOutcome run() {
    long start = System.nanoTime();
    CollectionResult result;
    try {
      result = decide(collector.read());
    } catch (RuntimeException e) {
      LOG.error("collector={} failed unexpectedly", collector.name(), e);
      result = new CollectionResult(false, DaemonReport.empty(collector.daemon(), null));
    }
    return new CollectorOutcome(
        collector.name(),
        sourceCap.apply(collector.name(), result),
        (System.nanoTime() - start) / 1e9);
  }

  private CollectionResult decide(Reading reading) {
    if (reading instanceof Reading.Read read) {
      if (read.problems().isEmpty()) {
        failures.success();
      } else {
        failures.failure(String.join("; ", read.problems()));
      }
      return new CollectionResult(read.problems().isEmpty(), read.report(), read.refused());
    }
    Reading.Unread unread = (Reading.Unread) reading;
    failures.failure(unread.reason());
    return new CollectionResult(false, DaemonReport.empty(collector.daemon(), unread.daemonUp()));
  }
}
