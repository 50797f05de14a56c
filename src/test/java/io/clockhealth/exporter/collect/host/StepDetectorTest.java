package io.clockhealth.exporter.collect.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.clockhealth.exporter.model.ClockSteps;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class StepDetectorTest {

  private static final long SECOND = 1_000_000_000L;

  /**
   * A wall clock and a boot clock that both advance with {@link #advance}; the wall clock alone
   * moves with {@link #stepWall}. Each reference read takes the next of {@link #readNanos}, or 1
   * µs.
   */
  private static final class Clocks extends Clock implements LongSupplier {
    private long wallNanos = 1_796_222_000L * SECOND;
    private long bootNanos = 45_000L * SECOND;
    private final Deque<Long> readNanos = new ArrayDeque<>();

    void advance(long nanos) {
      wallNanos += nanos;
      bootNanos += nanos;
    }

    void stepWall(long nanos) {
      wallNanos += nanos;
    }

    @Override
    public long getAsLong() {
      long now = bootNanos;
      Long read = readNanos.poll();
      advance(read == null ? 1_000 : read);
      return now;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochSecond(0, wallNanos);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  private final Clocks clocks = new Clocks();
  private final Logger log = mock(Logger.class);
  private final StepDetector detector = new StepDetector(clocks, clocks, log);

  private void secondsPass(int seconds) {
    for (int i = 0; i < seconds; i++) {
      clocks.advance(SECOND);
      detector.sample();
    }
  }

  @Test
  void noStepWhileBothClocksRun() {
    detector.sample();
    secondsPass(100);
    assertThat(detector.steps()).isEqualTo(ClockSteps.NONE);
    verify(log, never()).info(anyString(), any(), any(), any());
  }

  @Test
  void aForwardStepIsCountedWithItsSizeAndTime() {
    detector.sample();
    secondsPass(3);
    clocks.stepWall(30 * SECOND);
    secondsPass(1);
    ClockSteps steps = detector.steps();
    assertThat(steps.forward()).isEqualTo(1);
    assertThat(steps.backward()).isZero();
    assertThat(steps.lastStepSeconds()).isEqualTo(30.0);
    assertThat(steps.lastStepTimestampSeconds()).isCloseTo(1_796_222_034.0, within(1e-3));
    verify(log).info(anyString(), eq("forward"), eq("30.000000"), any());
    secondsPass(10);
    assertThat(detector.steps()).isEqualTo(steps);
  }

  @Test
  void aBackwardStepIsNegative() {
    detector.sample();
    clocks.stepWall(-45_250_000_000L);
    secondsPass(1);
    assertThat(detector.steps().backward()).isEqualTo(1);
    assertThat(detector.steps().forward()).isZero();
    assertThat(detector.steps().lastStepSeconds()).isEqualTo(-45.25);
  }

  @Test
  void changesUpToTheThresholdAreNotStepsEvenWhenTheyAddUp() {
    detector.sample();
    for (int i = 0; i < 100; i++) {
      clocks.stepWall(StepDetector.THRESHOLD_NANOS);
      secondsPass(1);
    }
    assertThat(detector.steps()).isEqualTo(ClockSteps.NONE);
    clocks.stepWall(StepDetector.THRESHOLD_NANOS + 1_000_000);
    secondsPass(1);
    assertThat(detector.steps().forward()).isEqualTo(1);
  }

  @Test
  void aSuspendMovesBothClocksAndIsNoStep() {
    detector.sample();
    clocks.advance(3_600 * SECOND);
    detector.sample();
    assertThat(detector.steps()).isEqualTo(ClockSteps.NONE);
  }

  @Test
  void aSampleInterruptedBetweenItsReadsIsTakenAgain() {
    detector.sample();
    clocks.advance(SECOND);
    // Descheduled 50 ms between the first reference read and the wall read: the midpoint would be
    // 25 ms off, a false step; the sample is retried instead.
    clocks.readNanos.add(50_000_000L);
    detector.sample();
    assertThat(detector.steps()).isEqualTo(ClockSteps.NONE);
  }

  @Test
  void aSampleInterruptedEveryTimeIsDroppedAndTheNextComparesWithTheLastGoodOne() {
    detector.sample();
    for (int i = 0; i < 5; i++) {
      clocks.readNanos.add(50_000_000L);
    }
    detector.sample();
    clocks.stepWall(2 * SECOND);
    secondsPass(1);
    assertThat(detector.steps().forward()).isEqualTo(1);
    assertThat(detector.steps().lastStepSeconds()).isEqualTo(2.0);
  }
}
