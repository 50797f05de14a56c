package io.clockhealth.exporter.probe;

/** Replies for the probe's tests: a server whose clock equals ours, at a given round trip. */
final class Replies {

  /** When the request left, Unix nanoseconds. */
  static final long T1 = 1_796_218_834_000_000_000L;

  private Replies() {}

  /**
   * A reply taking {@code delayMillis} round trip; its reference time a minute old (none at stratum
   * 0).
   */
  static ProbeSample sample(int stratum, int leap, int referenceId, long delayMillis) {
    long t4 = T1 + delayMillis * 1_000_000;
    long mid = T1 + (t4 - T1) / 2;
    return new ProbeSample(
        new NtpPacket(
            leap,
            4,
            4,
            stratum,
            0,
            -20,
            0,
            0,
            referenceId,
            stratum == 0 ? 0 : NtpTime.fromUnixNanos(mid - 60_000_000_000L),
            0,
            NtpTime.fromUnixNanos(mid),
            NtpTime.fromUnixNanos(mid)),
        T1,
        t4);
  }
}
