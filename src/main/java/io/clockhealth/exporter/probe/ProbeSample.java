package io.clockhealth.exporter.probe;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One reply and the two times this host took around it (T1 when the request left, T4 when the reply
 * came, Unix nanoseconds), in the contract's terms: the offset is this host's clock minus the
 * server's (the negated θ of RFC 5905 section 8), so a server 73 s fast gives −73.
 */
record ProbeSample(NtpPacket reply, long t1, long t4) {

  private static final double NANOS = 1e9;

  /** RFC 5905 section 7.3: MAXDISP, the distance at which a server is no longer usable. */
  static final double MAX_ROOT_DISTANCE_SECONDS = 16.0;

  /** RFC 5905 MAXAGE (86400 s × 1.5 ≈ 2^17 s): an older reference is stale. */
  static final double MAX_REFERENCE_AGE_SECONDS = 1 << 17;

  private long t2() {
    return NtpTime.toUnixNanos(reply.receiveTime());
  }

  private long t3() {
    return NtpTime.toUnixNanos(reply.transmitTime());
  }

  /** This host minus the server: −((T2 − T1) + (T3 − T4)) / 2. */
  double offsetSeconds() {
    return 0.0 - (((t2() - t1) + (t3() - t4)) / 2.0) / NANOS;
  }

  /** Round-trip delay δ = (T4 − T1) − (T3 − T2). */
  double delaySeconds() {
    return ((t4 - t1) - (t3() - t2())) / NANOS;
  }

  /** The server's error bound seen from here: δ/2 + root delay/2 + root dispersion. */
  double rootDistanceSeconds() {
    return Math.max(0, delaySeconds()) / 2
        + reply.rootDelaySeconds() / 2
        + reply.rootDispersionSeconds();
  }

  /** Server's transmit time minus its reference time; {@code null} when it has none. */
  @Nullable Double referenceAgeSeconds() {
    return reply.referenceTime() == 0
        ? null
        : (t3() - NtpTime.toUnixNanos(reply.referenceTime())) / NANOS;
  }

  /**
   * Why this reply is not usable time (RFC 5905 section 7.3 and section 8's packet tests); empty
   * when it passes. The origin was already checked when the reply was taken.
   */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (reply.mode() != NtpPacket.MODE_SERVER) {
      problems.add("mode " + reply.mode() + ", not 4 (server)");
    }
    reply.kissCode().ifPresent(code -> problems.add("Kiss-o'-Death " + code));
    if (reply.leap() == NtpPacket.LEAP_UNSYNCHRONISED) {
      problems.add("leap indicator 3: the server is not synchronised");
    }
    if (reply.stratum() == 0 && reply.kissCode().isEmpty()) {
      problems.add("stratum 0 (unspecified)");
    } else if (reply.stratum() >= 16) {
      problems.add("stratum " + reply.stratum() + " (16 and above: unsynchronised)");
    }
    if (reply.transmitTime() == 0) {
      problems.add("transmit timestamp 0");
    }
    if (delaySeconds() < 0) {
      problems.add("negative round-trip delay");
    }
    if (rootDistanceSeconds() >= MAX_ROOT_DISTANCE_SECONDS) {
      problems.add("root distance " + rootDistanceSeconds() + " s, not below 16 s");
    }
    Double age = referenceAgeSeconds();
    if (age == null) {
      problems.add("no reference time");
    } else if (age < 0) {
      problems.add("reference time after the transmit time");
    } else if (age > MAX_REFERENCE_AGE_SECONDS) {
      problems.add("reference time " + age + " s old, stale (over 2^17 s)");
    }
    return problems;
  }
}
