package io.clockhealth.exporter.probe;

/** Replies for the probe's tests: samples at a given round trip, and datagrams to send. */
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

  /**
   * A stratum-2 server's reply to {@code request}, its clock {@code aheadNanos} ahead of ours, with
   * {@code origin} as the origin timestamp (the request's transmit time for a proper reply).
   */
  static byte[] datagram(NtpPacket request, long origin, long aheadNanos) {
    long now = System.currentTimeMillis() * 1_000_000L + aheadNanos;
    return new NtpPacket(
            0,
            request.version(),
            4,
            2,
            0,
            -20,
            0,
            0,
            0x0A000001,
            NtpTime.fromUnixNanos(now - 60_000_000_000L),
            origin,
            NtpTime.fromUnixNanos(now),
            NtpTime.fromUnixNanos(now))
        .encode();
  }
}
