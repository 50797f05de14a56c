package io.clockhealth.exporter.probe;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Optional;

/**
 * An NTP packet's 48-byte header (RFC 5905 section 7.3, big-endian); extension fields and a MAC
 * after it are ignored. Timestamps are kept as the raw 64-bit values, so the origin check compares
 * exactly what was sent.
 *
 * @param rootDelay root delay, raw short format (16.16 s)
 * @param rootDispersion root dispersion, raw short format
 * @param precision log2 seconds
 */
public record NtpPacket(
    int leap,
    int version,
    int mode,
    int stratum,
    int poll,
    int precision,
    long rootDelay,
    long rootDispersion,
    int referenceId,
    long referenceTime,
    long originTime,
    long receiveTime,
    long transmitTime) {

  /** ntpd's stratum-0 reference ID before it first synchronises. */
  static final String NOT_YET_SYNCHRONISED = "INIT";

  static final int LENGTH = 48;
  static final int MODE_CLIENT = 3;
  static final int MODE_SERVER = 4;
  static final int LEAP_UNSYNCHRONISED = 3;

  /** A client request (mode 3) carrying {@code transmitTime}, every other field 0. */
  static NtpPacket request(int version, long transmitTime) {
    return new NtpPacket(0, version, MODE_CLIENT, 0, 0, 0, 0, 0, 0, 0, 0, 0, transmitTime);
  }

  byte[] encode() {
    ByteBuffer b = ByteBuffer.allocate(LENGTH);
    b.put((byte) ((leap & 3) << 6 | (version & 7) << 3 | (mode & 7)));
    b.put((byte) stratum).put((byte) poll).put((byte) precision);
    b.putInt((int) rootDelay).putInt((int) rootDispersion).putInt(referenceId);
    b.putLong(referenceTime).putLong(originTime).putLong(receiveTime).putLong(transmitTime);
    return b.array();
  }

  /**
   * The header of a datagram.
   *
   * @throws IllegalArgumentException when it is shorter than a header
   */
  static NtpPacket decode(byte[] datagram, int length) {
    if (length < LENGTH) {
      throw new IllegalArgumentException(
          length + " bytes, shorter than an NTP header (" + LENGTH + ")");
    }
    ByteBuffer b = ByteBuffer.wrap(datagram, 0, length);
    int first = b.get() & 0xFF;
    return new NtpPacket(
        first >>> 6,
        (first >>> 3) & 7,
        first & 7,
        b.get() & 0xFF,
        b.get(),
        b.get(),
        b.getInt() & 0xFFFF_FFFFL,
        b.getInt() & 0xFFFF_FFFFL,
        b.getInt(),
        b.getLong(),
        b.getLong(),
        b.getLong(),
        b.getLong());
  }

  double rootDelaySeconds() {
    return NtpTime.shortToSeconds(rootDelay);
  }

  double rootDispersionSeconds() {
    return NtpTime.shortToSeconds(rootDispersion);
  }

  double precisionSeconds() {
    return Math.scalb(1.0, precision);
  }

  /**
   * The reference ID as the metrics show it: at stratum 0 (a kiss code) and 1 (a reference clock:
   * {@code GPS}, {@code LOCL}, …) its ASCII when printable, otherwise 8 upper-case hex digits (an
   * IPv4 address or an IPv6 hash at stratum 2 and above; {@code 7F7F0101} for chrony's local
   * clock).
   */
  String referenceIdText() {
    if (stratum <= 1) {
      Optional<String> ascii = ascii(referenceId);
      if (ascii.isPresent()) {
        return ascii.get();
      }
    }
    return HexFormat.of().withUpperCase().toHexDigits(referenceId);
  }

  /**
   * The Kiss-o'-Death code (RFC 5905 section 7.4): stratum 0 with a printable ASCII reference ID.
   * Two stratum-0 replies are an unsynchronised server, not a kiss: reference ID 0 (what chronyd
   * sends) and {@code INIT} (what ntpd sends until it has synchronised once: it asks nothing of the
   * client, and the reference ID still shows it).
   */
  Optional<String> kissCode() {
    return stratum == 0
        ? ascii(referenceId).filter(code -> !code.equals(NOT_YET_SYNCHRONISED))
        : Optional.empty();
  }

  /** Up to four printable ASCII characters, NUL-padded at the end; empty otherwise. */
  private static Optional<String> ascii(int id) {
    StringBuilder s = new StringBuilder(4);
    boolean ended = false;
    for (int shift = 24; shift >= 0; shift -= 8) {
      int c = (id >>> shift) & 0xFF;
      if (c == 0) {
        ended = true;
      } else if (ended || c < 0x21 || c > 0x7E) {
        return Optional.empty();
      } else {
        s.append((char) c);
      }
    }
    return s.isEmpty() ? Optional.empty() : Optional.of(s.toString());
  }
}
