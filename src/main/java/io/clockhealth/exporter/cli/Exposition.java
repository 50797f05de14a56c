package io.clockhealth.exporter.cli;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.io.OutputStream;

/** Writes metrics in the Prometheus text format, as {@code --once} and {@code parse} print them. */
final class Exposition {

  private Exposition() {}

  static void write(MetricSnapshots snapshots, OutputStream out) throws IOException {
    PrometheusTextFormatWriter.create().write(out, snapshots);
    out.flush();
  }
}
