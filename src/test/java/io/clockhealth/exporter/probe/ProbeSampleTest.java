package io.clockhealth.exporter.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The codec and the sample's arithmetic on replies real chronyd 4.3 servers sent
 * (captures/probe/sntp-probe_*: the hex of request and reply, T1 and T4, and θ and δ as the capture
 * computed them).
 */
class ProbeSampleTest {

  /** {@code local stratum 10}: LI 0, stratum 10, reference ID 7F7F0101 (chrony's local clock). */
  private static final String LOCAL_STRATUM_10 =
      "240a00e600000000000000007f7f0101eeba9e15d11f12e6eeba9e5272362000eeba9e527239efc7eeba9e52724ef66c";

  /** An unsynchronised chronyd: LI 3, stratum 0, reference ID 0, root delay and dispersion 1 s. */
  private static final String UNSYNCHRONISED =
      "e40000e60001000000010000000000000000000000000000eeba9e522043c000eeba9e5220538747eeba9e522063e324";

  private static NtpPacket packet(String hex) {
    byte[] bytes = HexFormat.of().parseHex(hex);
    return NtpPacket.decode(bytes, bytes.length);
  }

  private static long nanos(String unixSeconds) {
    String[] parts = unixSeconds.split("\\.");
    return Long.parseLong(parts[0]) * 1_000_000_000L + Long.parseLong(parts[1]);
  }

  @Test
  void theUnsynchronisedServerIsReachableButNotUsableAndNoKiss() {
    NtpPacket reply = packet(UNSYNCHRONISED);
    assertThat(reply.leap()).isEqualTo(3);
    assertThat(reply.version()).isEqualTo(4);
    assertThat(reply.mode()).isEqualTo(4);
    assertThat(reply.stratum()).isZero();
    assertThat(reply.precision()).isEqualTo(-26);
    assertThat(reply.rootDelaySeconds()).isEqualTo(1.0);
    assertThat(reply.rootDispersionSeconds()).isEqualTo(1.0);
    assertThat(reply.kissCode()).as("reference ID 0 is no kiss code").isEmpty();
    assertThat(reply.referenceIdText()).isEqualTo("00000000");

    // The capture's T1, T4 and its θ = +0.000045180 s, δ = 0.000391245 s: it decoded T2 and T3
    // into doubles of Unix seconds, exact to about 0.5 µs at this epoch. Decoded exactly (the
    // fractions 0x20538747 and 0x2063e324 × 10^9 / 2^32), θ is 45.133 µs and δ 391.253 µs.
    ProbeSample s =
        new ProbeSample(reply, nanos("1796218834.126033783"), nanos("1796218834.126674652"));
    assertThat(s.offsetSeconds()).isCloseTo(-0.000045180, within(5e-7));
    assertThat(s.delaySeconds()).isCloseTo(0.000391245, within(5e-7));
    assertThat(s.offsetSeconds()).isCloseTo(-0.0000451332, within(1e-9));
    assertThat(s.delaySeconds()).isCloseTo(0.0003912529, within(1e-9));
    assertThat(s.problems())
        .contains(
            "leap indicator 3: the server is not synchronised",
            "stratum 0 (unspecified)",
            "no reference time")
        .noneMatch(p -> p.startsWith("Kiss"));
  }

  @Test
  void theLocalStratum10ServerPasses() {
    NtpPacket reply = packet(LOCAL_STRATUM_10);
    assertThat(reply.stratum()).isEqualTo(10);
    assertThat(reply.referenceIdText()).isEqualTo("7F7F0101");
    assertThat(reply.precisionSeconds()).isEqualTo(Math.scalb(1.0, -26));
    long t3 = NtpTime.toUnixNanos(reply.transmitTime());
    ProbeSample s = new ProbeSample(reply, t3 - 200_000, t3 + 200_000);
    assertThat(s.problems()).isEmpty();
    assertThat(s.referenceAgeSeconds()).isPositive().isLessThan(100.0);
    assertThat(s.rootDistanceSeconds()).isCloseTo(s.delaySeconds() / 2, within(1e-9));
  }

  @Test
  void theOffsetIsThisHostMinusTheServer() {
    // A server 73 s fast: it received and sent 73 s after this host's clock.
    long t1 = 1_796_218_834_000_000_000L;
    long t4 = t1 + 2_000_000;
    long fast = 73_000_000_000L;
    NtpPacket reply =
        new NtpPacket(
            0,
            4,
            4,
            2,
            0,
            -20,
            0,
            0,
            0x0A000001,
            NtpTime.fromUnixNanos(t1 + fast - 10_000_000_000L),
            0,
            NtpTime.fromUnixNanos(t1 + fast + 500_000),
            NtpTime.fromUnixNanos(t1 + fast + 1_500_000));
    ProbeSample s = new ProbeSample(reply, t1, t4);
    assertThat(s.offsetSeconds()).isCloseTo(-73.0, within(1e-9));
    assertThat(s.delaySeconds()).isCloseTo(0.001, within(1e-9));
    assertThat(s.problems()).isEmpty();
  }

  @Test
  void aKissOfDeathIsRecognisedByItsAsciiCode() {
    NtpPacket rate =
        new NtpPacket(3, 4, 4, 0, 0, 0, 0, 0, 0x52415445, 0, 0, 0, NtpTime.fromUnixNanos(1));
    assertThat(rate.kissCode()).hasValue("RATE");
    assertThat(rate.referenceIdText()).isEqualTo("RATE");
    assertThat(new ProbeSample(rate, 0, 1).problems()).contains("Kiss-o'-Death RATE");
  }

  @Test
  void ntpdsInitBeforeItFirstSynchronisesIsAnUnsynchronisedServerNotAKiss() {
    // what ntpsec's ntpd sent in NtpdProbeIT before its first clock update: LI 3, stratum 0, INIT
    NtpPacket init =
        new NtpPacket(3, 4, 4, 0, 0, -23, 0, 0, 0x494E4954, 0, 1, 2, NtpTime.fromUnixNanos(1));
    assertThat(init.kissCode()).isEmpty();
    assertThat(init.referenceIdText()).isEqualTo("INIT");
    assertThat(new ProbeSample(init, 0, 1).problems())
        .isNotEmpty()
        .noneMatch(p -> p.startsWith("Kiss"));
  }

  @Test
  void aRequestEncodesVersionModeAndTheTransmitTimeAndDecodesBack() {
    NtpPacket request = NtpPacket.request(4, 0x0123_4567_89AB_CDEFL);
    byte[] bytes = request.encode();
    assertThat(bytes).hasSize(48);
    assertThat(bytes[0]).isEqualTo((byte) 0x23);
    assertThat(NtpPacket.decode(bytes, 48)).isEqualTo(request);
    assertThatThrownBy(() -> NtpPacket.decode(bytes, 47))
        .hasMessage("47 bytes, shorter than an NTP header (48)");
  }

  @Test
  void timestampsConvertExactlyAndAcrossTheEraBoundary() {
    long t = 1_796_218_834_126_033_783L;
    assertThat(NtpTime.toUnixNanos(NtpTime.fromUnixNanos(t))).isEqualTo(t);
    // 2036-02-07T06:28:16Z is NTP second 2^32: era 1 starts at NTP seconds 0.
    long era1 = (1L << 32) - NtpTime.NTP_TO_UNIX_SECONDS;
    assertThat(NtpTime.toUnixNanos(NtpTime.fromUnixNanos(era1 * 1_000_000_000L + 5)))
        .isEqualTo(era1 * 1_000_000_000L + 5);
    assertThat(NtpTime.fromUnixNanos(era1 * 1_000_000_000L) >>> 32).isZero();
  }
}
