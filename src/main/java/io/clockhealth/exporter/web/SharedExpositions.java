package io.clockhealth.exporter.web;

import io.clockhealth.exporter.collect.CollectorOutcome;
import io.clockhealth.exporter.collect.HostOutcome;
import io.clockhealth.exporter.collect.ScrapeResult;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Serialises the collected part of an exposition once for every scrape that shares the same
 * collector runs (single-flight, or the minimum interval), per format. A tool that prints many
 * sources then costs one copy of the exposition in memory, not one per concurrent scrape (finding
 * 10 of the security review). Only the latest runs are kept per format, and an entry is reused only
 * for those very runs, so nothing is ever served stale.
 */
final class SharedExpositions {

  private record Format(String contentType, EscapingScheme escaping) {}

  /** The runs a body was made from, compared by identity: equal values from two runs differ. */
  private record Entry(
      @Nullable HostOutcome host, List<CollectorOutcome> outcomes, CompletableFuture<byte[]> body) {

    // Identity is the point: the same run shared by single-flight, not an equal-looking one.
    @SuppressWarnings("ReferenceEquality")
    boolean madeFrom(ScrapeResult scrape) {
      List<CollectorOutcome> others = scrape.outcomes();
      if (host != scrape.host() || outcomes.size() != others.size()) {
        return false;
      }
      for (int i = 0; i < outcomes.size(); i++) {
        if (outcomes.get(i) != others.get(i)) {
          return false;
        }
      }
      return true;
    }
  }

  private final Map<Format, Entry> latest = new HashMap<>();

  /**
   * The serialised collected metrics of {@code scrape}: made by the first caller for these runs,
   * handed to the others as they are.
   */
  byte[] body(
      ScrapeResult scrape,
      ExpositionFormatWriter writer,
      EscapingScheme escaping,
      Function<ScrapeResult, MetricSnapshots> collected) {
    Format format = new Format(writer.getContentType(), escaping);
    Entry mine;
    synchronized (this) {
      Entry entry = latest.get(format);
      if (entry != null && entry.madeFrom(scrape)) {
        return entry.body().join();
      }
      mine = new Entry(scrape.host(), scrape.outcomes(), new CompletableFuture<>());
      latest.put(format, mine);
    }
    try {
      byte[] body = serialise(writer, collected.apply(scrape), escaping);
      mine.body().complete(body);
      return body;
    } catch (RuntimeException e) {
      synchronized (this) {
        latest.remove(format, mine);
      }
      mine.body().completeExceptionally(e);
      throw e;
    }
  }

  /**
   * What varies per scrape (the host clock), without the trailer the writer ends every document
   * with (OpenMetrics' {@code # EOF}), which the shared body carries.
   */
  static byte[] head(ExpositionFormatWriter writer, MetricSnapshots own, EscapingScheme escaping) {
    byte[] head = serialise(writer, own, escaping);
    byte[] trailer = serialise(writer, new MetricSnapshots(), escaping);
    int length = head.length - trailer.length;
    for (int i = 0; i < trailer.length; i++) {
      if (length < 0 || head[length + i] != trailer[i]) {
        throw new IllegalStateException(writer.getContentType() + ": no common trailer");
      }
    }
    return Arrays.copyOf(head, length);
  }

  private static byte[] serialise(
      ExpositionFormatWriter writer, MetricSnapshots snapshots, EscapingScheme escaping) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      writer.write(out, snapshots, escaping);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
