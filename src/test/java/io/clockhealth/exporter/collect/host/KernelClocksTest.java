package io.clockhealth.exporter.collect.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clockhealth.exporter.model.KernelClock;
import io.clockhealth.exporter.model.KernelTimeState;
import io.clockhealth.exporter.os.KernelTimex;
import org.junit.jupiter.api.Test;

class KernelClocksTest {

  /**
   * The unsynchronised VM of src/test/resources/captures/host/
   * jna-5.19.1-adjtimex-readonly_java17_x86_64.txt: rc=5, status 0x40, offset 0, freq 0, maxerror
   * and esterror 16000000 µs, tai 0.
   */
  static final KernelTimex UNSYNCHRONISED_VM =
      new KernelTimex(5, 0x40, 0, 0, 16_000_000, 16_000_000, 0);

  @Test
  void theCapturedUnsynchronisedVm() {
    KernelClock k = KernelClocks.of(UNSYNCHRONISED_VM).orElseThrow();
    assertThat(k.state()).isEqualTo(KernelTimeState.ERROR);
    assertThat(k.synchronized_()).isFalse();
    assertThat(k.status()).isEqualTo(0x40);
    assertThat(k.maxErrorSeconds()).isEqualTo(16.0);
    assertThat(k.estimatedErrorSeconds()).isEqualTo(16.0);
    assertThat(k.taiOffsetSeconds()).isZero();
  }

  @Test
  void theKernelsCorrectionsAreNegatedToLocalMinusReferenceAndOscillatorFastPositive() {
    // ntpd's PLL: 1500 µs still to add (the clock is behind), 12.5 ppm added to the rate (the
    // oscillator is slow); STA_PLL, synchronised; TAI-UTC 37 s.
    KernelClock k =
        KernelClocks.of(new KernelTimex(0, 0x1, 1500, 819_200, 52_000, 1_200, 37)).orElseThrow();
    assertThat(k.synchronized_()).isTrue();
    assertThat(k.offsetSeconds()).isCloseTo(-0.0015, within(1e-12));
    assertThat(k.frequencyPpm()).isCloseTo(-12.5, within(1e-12));
    assertThat(k.maxErrorSeconds()).isCloseTo(0.052, within(1e-12));
    assertThat(k.estimatedErrorSeconds()).isCloseTo(0.0012, within(1e-12));
    assertThat(k.taiOffsetSeconds()).isEqualTo(37);
  }

  @Test
  void withStaNanoTheOffsetIsInNanoseconds() {
    KernelClock k = KernelClocks.of(new KernelTimex(0, 0x2001, -1500, 0, 0, 0, 0)).orElseThrow();
    assertThat(k.offsetSeconds()).isCloseTo(1.5e-6, within(1e-15));
  }

  @Test
  void everyDocumentedReturnValueHasItsStateAndOthersNone() {
    assertThat(KernelClocks.of(new KernelTimex(1, 0x11, 0, 0, 0, 0, 0)))
        .hasValueSatisfying(k -> assertThat(k.state()).isEqualTo(KernelTimeState.INSERT_SECOND));
    assertThat(KernelClocks.of(new KernelTimex(4, 0, 0, 0, 0, 0, 0)))
        .hasValueSatisfying(k -> assertThat(k.state()).isEqualTo(KernelTimeState.LEAP_DONE));
    assertThat(KernelClocks.of(new KernelTimex(6, 0, 0, 0, 0, 0, 0))).isEmpty();
  }
}
