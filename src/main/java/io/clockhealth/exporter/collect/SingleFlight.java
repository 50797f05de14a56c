package io.clockhealth.exporter.collect;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Shares one in-flight run of a piece of work between everyone who asks while it runs: N scrapes
 * arriving together cause one run of a daemon's commands, not N. With a minimum interval, a result
 * that completed less than that long ago is handed out again instead of starting a new run (off by
 * default: then every scrape that does not overlap another gets a fresh run).
 */
final class SingleFlight<T> {

  private final Executor executor;
  private final long minIntervalNanos;
  private final LongSupplier nanoTime;

  private @Nullable CompletableFuture<T> inFlight;
  private @Nullable T last;
  private long lastCompletedNanos;

  SingleFlight(Executor executor, Duration minInterval, LongSupplier nanoTime) {
    this.executor = executor;
    this.minIntervalNanos = minInterval.toNanos();
    this.nanoTime = nanoTime;
  }

  /** The running (or just-completed, within the minimum interval) result, else a new run. */
  synchronized CompletableFuture<T> get(Supplier<T> work) {
    if (inFlight != null) {
      return inFlight;
    }
    if (last != null
        && minIntervalNanos > 0
        && nanoTime.getAsLong() - lastCompletedNanos < minIntervalNanos) {
      return CompletableFuture.completedFuture(last);
    }
    CompletableFuture<T> run = CompletableFuture.supplyAsync(work, executor);
    inFlight = run;
    // Bookkeeping only: callers get run itself and see its failure there, so the derived stage
    // (which completes exactly as run does) is not needed.
    var unused = run.whenComplete((value, error) -> finished(run, value));
    return run;
  }

  private synchronized void finished(CompletableFuture<T> run, @Nullable T value) {
    if (inFlight == run) {
      inFlight = null;
    }
    if (value != null) {
      last = value;
      lastCompletedNanos = nanoTime.getAsLong();
    }
  }
}
