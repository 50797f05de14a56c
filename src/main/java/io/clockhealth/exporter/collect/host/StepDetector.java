package io.clockhealth.exporter.collect.host;

import io.clockhealth.exporter.model.ClockSteps;
import io.clockhealth.exporter.os.BootTime;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sees the wall clock step. Wall time minus a reference clock that no step touches stays constant
 * while the clock only slews (NTP slewing moves both), so a change of that difference between two
 * samples larger than {@link #THRESHOLD_NANOS} is a step: its size and direction are the change.
 * With {@code CLOCK_BOOTTIME} as the reference a suspend is not a step; with {@code
 * System.nanoTime()} (no C library) the time suspended would count as a forward step.
 *
 * <p>Two steps within one sampling interval that cancel out are not seen; a leap second inserted by
 * the kernel is seen as a backward step of 1 s.
 */
public final class StepDetector {

  private static final Logger LOG = LoggerFactory.getLogger(StepDetector.class);

  /**
   * Smaller changes are not steps. Bracketed samples scatter by microseconds here; 5 ms is below
   * any step a daemon makes (ntpd steps from 128 ms, chrony's makestep is set in tenths of a second
   * or more) and far above a slew between two samples a second apart.
   */
  static final long THRESHOLD_NANOS = 5_000_000L;

  /** A sample whose two reference reads are further apart was interrupted: taken again. */
  static final long MAX_BRACKET_NANOS = 200_000L;

  private static final int ATTEMPTS = 5;
  private static final long SAMPLE_INTERVAL_MILLIS = 1_000L;
  private static final double NANOS = 1e9;

  private final Clock wall;
  private final LongSupplier reference;
  private final Logger log;

  // Guarded by this: written by the sampling thread, read by scrapes.
  private boolean sampled;
  private long lastDifference;
  private long forward;
  private long backward;
  private @Nullable Double lastStepSeconds;
  private @Nullable Double lastStepTimestampSeconds;

  StepDetector(Clock wall, LongSupplier reference, Logger log) {
    this.wall = wall;
    this.reference = reference;
    this.log = log;
  }

  /**
   * Samples every second on a daemon thread from now on.
   *
   * @param reference nanoseconds of a clock steps do not touch, {@code CLOCK_BOOTTIME} where it can
   *     be read
   * @param referenceName for the start-up line
   */
  public static StepDetector start(Clock wall, LongSupplier reference, String referenceName) {
    StepDetector detector = new StepDetector(wall, reference, LOG);
    detector.sample();
    // A plain sleeping thread: a ScheduledExecutorService's queue costs three times the CPU per
    // wake-up here (docs/performance.md).
    Thread sampler = new Thread(detector::sampleForever, "clock-step-detector");
    sampler.setDaemon(true);
    sampler.start();
    LOG.info(
        "watching for wall-clock steps larger than {} ms (every {} ms, against {})",
        THRESHOLD_NANOS / 1_000_000,
        SAMPLE_INTERVAL_MILLIS,
        referenceName);
    return detector;
  }

  /**
   * Watches this host's wall clock against {@code CLOCK_BOOTTIME}, or against {@code
   * System.nanoTime()} where the C library cannot be loaded.
   */
  public static StepDetector startOnThisHost(Clock wall) {
    return BootTime.system()
        .map(boot -> start(wall, boot, "CLOCK_BOOTTIME"))
        .orElseGet(
            () ->
                start(
                    wall,
                    System::nanoTime,
                    "CLOCK_MONOTONIC, since "
                        + HostClockCollector.kernelUnavailableReason()
                        + "; a suspend will count as a forward step"));
  }

  /** Samples at a fixed rate until the process ends; a failed sample is logged, not fatal. */
  private void sampleForever() {
    long next = System.nanoTime();
    while (true) {
      next += SAMPLE_INTERVAL_MILLIS * 1_000_000L;
      long wait = next - System.nanoTime();
      try {
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
        } else {
          next = System.nanoTime(); // fell behind (a stopped process): no burst to catch up
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      try {
        sample();
      } catch (RuntimeException e) {
        log.warn("step detector: a sample failed: {}", e.toString());
      }
    }
  }

  /** Takes one sample; a step since the last one is counted and logged. */
  synchronized void sample() {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      long before = reference.getAsLong();
      Instant now = wall.instant();
      long after = reference.getAsLong();
      if (after - before <= MAX_BRACKET_NANOS) {
        observe(epochNanos(now) - (before + (after - before) / 2), now);
        return;
      }
    }
    // Interrupted every time (a loaded machine): the next sample compares with the last good one.
  }

  private void observe(long difference, Instant now) {
    long change = difference - lastDifference;
    boolean first = !sampled;
    sampled = true;
    lastDifference = difference;
    if (first || Math.abs(change) <= THRESHOLD_NANOS) {
      return;
    }
    if (change > 0) {
      forward++;
    } else {
      backward++;
    }
    lastStepSeconds = change / NANOS;
    lastStepTimestampSeconds = epochNanos(now) / NANOS;
    log.info(
        "the wall clock stepped {} by {} s (now {})",
        change > 0 ? "forward" : "backward",
        String.format(Locale.ROOT, "%.6f", Math.abs(change) / NANOS),
        now);
  }

  /** The steps seen so far. */
  public synchronized ClockSteps steps() {
    return new ClockSteps(forward, backward, lastStepSeconds, lastStepTimestampSeconds);
  }

  private static long epochNanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }
}
