package io.clockhealth.exporter.probe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * Sends one NTP client request and waits for its reply: a version-{@code N} mode-3 packet whose
 * transmit timestamp is random (RFC 5905 section 9.1 allows it; an off-path attacker cannot guess
 * what the reply must echo), T1 and T4 read from the wall clock right around the send and the
 * receive. A datagram that is not a reply to this request (too short, or another origin) is ignored
 * and the wait goes on until the deadline: a spoofed or stale packet can delay a probe, not fake
 * it.
 */
final class NtpClient {

  private final Clock wall = Clock.systemUTC();
  private final Random random = new SecureRandom();

  static NtpClient system() {
    return new NtpClient();
  }

  /** What one exchange gave: a sample, and how many datagrams were ignored on the way. */
  record Exchange(ProbeSample sample, int ignored) {}

  /**
   * @throws SocketTimeoutException when no reply to this request came within {@code timeout}
   * @throws IOException when the request cannot be sent (no route, port unreachable)
   */
  Exchange exchange(InetSocketAddress server, int version, Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long transmit = random.nextLong();
    byte[] request = NtpPacket.request(version, transmit).encode();
    ByteBuffer in = ByteBuffer.allocate(512);
    int ignored = 0;
    try (DatagramChannel channel = DatagramChannel.open();
        Selector selector = Selector.open()) {
      channel.configureBlocking(false);
      // Connected: the kernel drops datagrams from anywhere else, and an ICMP port-unreachable
      // becomes an exception instead of a silent timeout.
      channel.connect(server);
      channel.register(selector, SelectionKey.OP_READ);
      long t1 = nanos(wall.instant());
      channel.write(ByteBuffer.wrap(request));
      while (true) {
        long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
        if (leftMillis <= 0) {
          throw new SocketTimeoutException("no reply within " + timeout.toMillis() + " ms");
        }
        if (selector.select(leftMillis) == 0) {
          continue; // woken early: the deadline is checked again
        }
        selector.selectedKeys().clear();
        in.clear();
        if (channel.read(in) <= 0) {
          continue;
        }
        long t4 = nanos(wall.instant());
        NtpPacket reply;
        try {
          reply = NtpPacket.decode(in.array(), in.position());
        } catch (IllegalArgumentException e) {
          ignored++;
          continue;
        }
        if (reply.originTime() != transmit) {
          ignored++;
          continue;
        }
        return new Exchange(new ProbeSample(reply, t1, t4), ignored);
      }
    }
  }

  private static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }
}
