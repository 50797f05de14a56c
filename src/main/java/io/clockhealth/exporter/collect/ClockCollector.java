package io.clockhealth.exporter.collect;

import io.clockhealth.exporter.config.ExporterSettings;
import io.clockhealth.exporter.metrics.DaemonReport;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one client_java collector the registry knows: on every scrape it runs each enabled daemon
 * collector (in parallel, so one slow daemon costs one timeout, not the sum) and writes the result
 * in the metric contract. Scrapes that arrive while a collector runs share that run (single-flight:
 * HA Prometheus pairs cause one chronyc run, not two); nothing is cached beyond the optional
 * minimum interval, so a value is never served stale.
 */
public final class ClockCollector implements MultiCollector, Scrapes, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ClockCollector.class);

  private final List<DaemonCollector> collectors;
  private final List<SingleFlight<CollectorOutcome>> flights;
  private final Clock clock;
  private final BuildInfo buildInfo;
  private final ExecutorService executor;
  private final SourceCap sourceCap;

  public ClockCollector(List<DaemonCollector> collectors, Clock clock, BuildInfo buildInfo) {
    this(collectors, clock, buildInfo, Duration.ZERO, ExporterSettings.DEFAULT_MAX_SOURCES);
  }

  /**
   * @param minInterval reuse a collector's result for this long after it completed (zero: only
   *     scrapes that overlap a running collection share it)
   * @param maxSources sources served per collector; beyond them a report is cut
   */
  public ClockCollector(
      List<DaemonCollector> collectors,
      Clock clock,
      BuildInfo buildInfo,
      Duration minInterval,
      int maxSources) {
    this.collectors = List.copyOf(collectors);
    this.sourceCap = new SourceCap(maxSources);
    this.clock = clock;
    this.buildInfo = buildInfo;
    AtomicInteger threads = new AtomicInteger();
    // Single-flight means at most one run per collector at a time: the pool never needs more.
    this.executor =
        Executors.newFixedThreadPool(
            Math.max(1, collectors.size()),
            runnable -> {
              Thread thread = new Thread(runnable, "collector-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    this.flights =
        this.collectors.stream()
            .map(c -> new SingleFlight<CollectorOutcome>(executor, minInterval, System::nanoTime))
            .toList();
  }

  @Override
  public MetricSnapshots collect() {
    return scrape().toSnapshots(buildInfo);
  }

  /** Runs every collector once; used by /metrics, --once and the landing page. */
  @Override
  public ScrapeResult scrape() {
    double hostTime = clock.millis() / 1000.0;
    List<CompletableFuture<CollectorOutcome>> running = new ArrayList<>(collectors.size());
    for (int i = 0; i < collectors.size(); i++) {
      DaemonCollector collector = collectors.get(i);
      running.add(flights.get(i).get(() -> timed(collector)));
    }
    List<CollectorOutcome> outcomes = new ArrayList<>(running.size());
    for (CompletableFuture<CollectorOutcome> future : running) {
      outcomes.add(future.join());
    }
    return new ScrapeResult(hostTime, outcomes);
  }

  @Override
  public BuildInfo buildInfo() {
    return buildInfo;
  }

  public List<String> collectorNames() {
    return collectors.stream().map(DaemonCollector::name).toList();
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  private CollectorOutcome timed(DaemonCollector collector) {
    long start = System.nanoTime();
    CollectionResult result;
    try {
      result = collector.collect();
    } catch (RuntimeException e) {
      // A bug must cost this collector's series, not the whole scrape (a 500).
      LOG.error("collector={} failed unexpectedly", collector.name(), e);
      result = new CollectionResult(false, DaemonReport.empty(collector.daemon(), null));
    }
    return new CollectorOutcome(
        collector.name(),
        sourceCap.apply(collector.name(), result),
        (System.nanoTime() - start) / 1e9);
  }
}
