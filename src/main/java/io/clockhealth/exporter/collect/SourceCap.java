package io.clockhealth.exporter.collect;

import io.clockhealth.exporter.model.DaemonReport;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the first {@code max} sources of a report and drops the rest, so what a scrape costs in
 * memory is bounded by the cap rather than by what a tool prints within the output limits (finding
 * 10 of the security review: 1,000 sources and 20 concurrent scrapes ended a 48 MiB JVM). Real
 * daemons have tens of sources; the cap is far above them. Says so once per collector, at WARN: the
 * collection itself succeeded, the series beyond the cap are absent.
 */
final class SourceCap {

  private final Logger log;
  private final int max;
  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  SourceCap(int max) {
    this(max, LoggerFactory.getLogger(SourceCap.class));
  }

  SourceCap(int max, Logger log) {
    this.log = log;
    if (max <= 0) {
      throw new IllegalArgumentException("max must be positive: " + max);
    }
    this.max = max;
  }

  CollectionResult apply(String collector, CollectionResult result) {
    DaemonReport report = result.report();
    int printed = report.sources().size();
    if (printed <= max) {
      return result;
    }
    if (warned.add(collector)) {
      log.warn(
          "collector={} reported {} sources; serving the first {} (--collector.max-sources),"
              + " this is said once",
          collector,
          printed,
          max);
    }
    return new CollectionResult(
        result.success(), report.withSources(report.sources().subList(0, max)), result.refused());
  }
}
