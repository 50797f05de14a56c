package io.clockhealth.exporter.collect;

import io.clockhealth.exporter.config.ExporterSettings;
import io.clockhealth.exporter.model.HostClock;
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
import org.jspecify.annotations.Nullable;
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
  private final List<DaemonRun> runs;
  private final List<SingleFlight<CollectorOutcome>> flights;
  private final @Nullable HostCollector host;
  private final @Nullable SingleFlight<HostOutcome> hostFlight;
  private final Clock clock;
  private final BuildInfo buildInfo;
  private final ExecutorService executor;

  public ClockCollector(List<DaemonCollector> collectors, Clock clock, BuildInfo buildInfo) {
    this(collectors, clock, buildInfo, Duration.ZERO, ExporterSettings.DEFAULT_MAX_SOURCES);
  }

  /** Without a host collector; the parameters as below. */
  public ClockCollector(
      List<DaemonCollector> collectors,
      Clock clock,
      BuildInfo buildInfo,
      Duration minInterval,
      int maxSources) {
    this(collectors, null, clock, buildInfo, minInterval, maxSources);
  }

  /**
   * @param host the host collector, or {@code null} for none (tests of the daemon collectors)
   * @param minInterval reuse a collector's result for this long after it completed (zero: only
   *     scrapes that overlap a running collection share it)
   * @param maxSources sources served per collector; beyond them a report is cut
   */
  public ClockCollector(
      List<DaemonCollector> collectors,
      @Nullable HostCollector host,
      Clock clock,
      BuildInfo buildInfo,
      Duration minInterval,
      int maxSources) {
    this.collectors = List.copyOf(collectors);
    this.host = host;
    SourceCap sourceCap = new SourceCap(maxSources);
    this.runs = this.collectors.stream().map(c -> new DaemonRun(c, sourceCap)).toList();
    this.clock = clock;
    this.buildInfo = buildInfo;
    AtomicInteger threads = new AtomicInteger();
    // Single-flight means at most one run per collector at a time: the pool never needs more.
    this.executor =
        Executors.newFixedThreadPool(
            Math.max(1, collectors.size() + (host == null ? 0 : 1)),
            runnable -> {
              Thread thread = new Thread(runnable, "collector-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    this.flights =
        this.collectors.stream()
            .map(c -> new SingleFlight<CollectorOutcome>(executor, minInterval, System::nanoTime))
            .toList();
    this.hostFlight =
        host == null
            ? null
            : new SingleFlight<HostOutcome>(executor, minInterval, System::nanoTime);
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
      DaemonRun run = runs.get(i);
      running.add(flights.get(i).get(run::run));
    }
    HostCollector hostCollector = host;
    CompletableFuture<HostOutcome> hostRun =
        hostCollector == null || hostFlight == null
            ? CompletableFuture.completedFuture(null)
            : hostFlight.get(() -> timed(hostCollector));
    List<CollectorOutcome> outcomes = new ArrayList<>(running.size());
    for (CompletableFuture<CollectorOutcome> future : running) {
      outcomes.add(future.join());
    }
    return new ScrapeResult(hostTime, hostRun.join(), outcomes);
  }

  @Override
  public BuildInfo buildInfo() {
    return buildInfo;
  }

  /** The {@code collector} label values: {@code host} first, where it runs. */
  public List<String> collectorNames() {
    List<String> names = new ArrayList<>();
    if (host != null) {
      names.add(HostCollector.NAME);
    }
    collectors.forEach(c -> names.add(c.name()));
    return names;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  private static HostOutcome timed(HostCollector collector) {
    long start = System.nanoTime();
    HostCollection result;
    try {
      result = collector.collect();
    } catch (RuntimeException e) {
      LOG.error("collector={} failed unexpectedly", HostCollector.NAME, e);
      result = new HostCollection(false, HostClock.NONE);
    }
    return new HostOutcome(result, (System.nanoTime() - start) / 1e9);
  }
}
