package io.clockhealth.exporter.collect;

import io.clockhealth.exporter.metrics.ClockMetrics;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;

/** Everything one scrape measured: the host clock and each collector's outcome. */
public record ScrapeResult(double hostTimeSeconds, List<CollectorOutcome> outcomes) {

  public ScrapeResult {
    outcomes = List.copyOf(outcomes);
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
    for (CollectorOutcome outcome : outcomes) {
      metrics.collectorResult(
          outcome.collector(), outcome.result().success(), outcome.durationSeconds());
    }
    for (CollectorOutcome outcome : outcomes) {
      metrics.report(outcome.result().report());
    }
    return metrics.buildInfo(buildInfo.version(), buildInfo.revision()).build();
  }
}
