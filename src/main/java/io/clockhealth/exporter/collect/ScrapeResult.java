package io.clockhealth.exporter.collect;

import io.clockhealth.exporter.metrics.ClockMetrics;
import io.clockhealth.exporter.model.HostClock;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything one scrape measured: the exporter's wall clock, the host collector's outcome ({@code
 * null} where none runs) and each daemon collector's.
 */
public record ScrapeResult(
    double hostTimeSeconds, @Nullable HostOutcome host, List<CollectorOutcome> outcomes) {

  public ScrapeResult {
    outcomes = List.copyOf(outcomes);
  }

  public ScrapeResult(double hostTimeSeconds, List<CollectorOutcome> outcomes) {
    this(hostTimeSeconds, null, outcomes);
  }

  /**
   * The host clock: the host collector's reads, completed by what the daemons' tools said about the
   * host (timedated's settings).
   */
  public HostClock hostClock() {
    HostClock clock = host == null ? HostClock.NONE : host.result().clock();
    for (CollectorOutcome outcome : outcomes) {
      clock = clock.orElse(outcome.result().report().host());
    }
    return clock;
  }

  /** The scrape in the metric contract, with build info. */
  public MetricSnapshots toSnapshots(BuildInfo buildInfo) {
    return collected(new ClockMetrics().hostTime(hostTimeSeconds), buildInfo);
  }

  /** Only this scrape's own reading of the host clock: what differs between scrapes of a flight. */
  public MetricSnapshots hostTimeSnapshots() {
    return new ClockMetrics().hostTime(hostTimeSeconds).build();
  }

  /**
   * All but the host clock: the same for every scrape that shares the collectors' runs, so it can
   * be serialised once for all of them.
   */
  public MetricSnapshots collectedSnapshots(BuildInfo buildInfo) {
    return collected(new ClockMetrics(), buildInfo);
  }

  private MetricSnapshots collected(ClockMetrics metrics, BuildInfo buildInfo) {
    if (host != null) {
      metrics.collectorResult(HostCollector.NAME, host.result().success(), host.durationSeconds());
    }
    for (CollectorOutcome outcome : outcomes) {
      metrics.collectorResult(
          outcome.collector(), outcome.result().success(), outcome.durationSeconds());
    }
    for (CollectorOutcome outcome : outcomes) {
      metrics.report(outcome.result().report());
    }
    metrics.host(hostClock());
    return metrics.buildInfo(buildInfo.version(), buildInfo.revision()).build();
  }
}
