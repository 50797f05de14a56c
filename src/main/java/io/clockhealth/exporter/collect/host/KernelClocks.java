package io.clockhealth.exporter.collect.host;

import io.clockhealth.exporter.model.KernelClock;
import io.clockhealth.exporter.model.KernelTimeState;
import io.clockhealth.exporter.os.KernelTimex;
import java.util.Optional;

/**
 * The kernel's {@code struct timex} in the contract's units and signs. The kernel holds
 * corrections: {@code offset} is what it still adds to the clock (positive = the clock is behind)
 * and {@code freq} what it adds to the rate (positive = the oscillator is slow), so both are
 * negated; node_exporter exports them as they are ({@code node_timex_offset_seconds}, {@code
 * node_timex_frequency_adjustment_ratio} = 1 + freq / 65536e6).
 */
final class KernelClocks {

  /** {@code freq} and {@code tolerance} are ppm with a 16-bit binary fraction. */
  private static final double PPM_SCALE = 65536.0;

  private static final double MICROSECONDS = 1e6;

  private KernelClocks() {}

  /** −x, with 0 staying 0 (not −0.0, which the exposition would print). */
  private static double negated(double x) {
    return 0.0 - x;
  }

  /** Empty when adjtimex returned a state the kernel does not document. */
  static Optional<KernelClock> of(KernelTimex t) {
    return KernelTimeState.of(t.state())
        .map(
            state ->
                new KernelClock(
                    state,
                    t.status(),
                    negated(t.offsetSeconds()),
                    negated(t.freq() / PPM_SCALE),
                    t.maxerror() / MICROSECONDS,
                    t.esterror() / MICROSECONDS,
                    t.tai()));
  }
}
