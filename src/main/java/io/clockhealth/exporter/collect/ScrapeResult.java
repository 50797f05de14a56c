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
    ClockMetrics metrics = new ClockMetrics().hostTime(hostTimeSeconds);
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
