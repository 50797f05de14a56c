package io.clockhealth.exporter.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client's exchange against a UDP responder on loopback that answers each request with the
 * datagrams a test gives it: a proper reply, one with another origin first, garbage, nothing.
 */
class NtpClientTest {

  private static final Duration TIMEOUT = Duration.ofMillis(500);

  private DatagramSocket responder;
  private Thread thread;

  @AfterEach
  void stop() throws InterruptedException {
    if (responder != null) {
      responder.close();
      thread.join(2000);
    }
  }

  /** Answers every request with what {@code answers} makes of it. */
  private InetSocketAddress respond(Function<NtpPacket, List<byte[]>> answers) throws IOException {
    responder = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    thread =
        new Thread(
            () -> {
              byte[] buf = new byte[512];
              while (!responder.isClosed()) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                  responder.receive(p);
                  NtpPacket request = NtpPacket.decode(p.getData(), p.getLength());
                  for (byte[] answer : answers.apply(request)) {
                    responder.send(new DatagramPacket(answer, answer.length, p.getSocketAddress()));
                  }
                } catch (IOException e) {
                  return;
                }
              }
            },
            "ntp-responder");
    thread.start();
    return (InetSocketAddress) responder.getLocalSocketAddress();
  }

  /** A stratum-2 server's reply, 73 s fast, to {@code request} (origin = its transmit). */
  private static byte[] reply(NtpPacket request, long origin) {
    long now = System.currentTimeMillis() * 1_000_000L + 73_000_000_000L;
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

  @Test
  void aReplyEchoingTheRandomTransmitTimeIsTaken() throws IOException {
    InetSocketAddress server = respond(r -> List.of(reply(r, r.transmitTime())));
    NtpClient.Exchange x = NtpClient.system().exchange(server, 4, TIMEOUT);
    assertThat(x.ignored()).isZero();
    assertThat(x.sample().reply().version()).as("the version asked for").isEqualTo(4);
    assertThat(x.sample().offsetSeconds()).isCloseTo(-73.0, within(0.05));
    assertThat(x.sample().problems()).isEmpty();
  }

  @Test
  void aReplyWithAnotherOriginOrTooShortIsIgnoredAndTheRightOneTaken() throws IOException {
    InetSocketAddress server =
        respond(
            r ->
                List.of(
                    reply(r, r.transmitTime() + 1),
                    new byte[] {1, 2, 3},
                    reply(r, r.transmitTime())));
    NtpClient.Exchange x = NtpClient.system().exchange(server, 3, TIMEOUT);
    assertThat(x.ignored()).isEqualTo(2);
    assertThat(x.sample().reply().originTime()).isNotZero();
  }

  @Test
  void onlyWrongRepliesEndAtTheTimeout() throws IOException {
    InetSocketAddress server = respond(r -> List.of(reply(r, r.transmitTime() ^ 1), new byte[47]));
    assertThatThrownBy(() -> NtpClient.system().exchange(server, 4, TIMEOUT))
        .isInstanceOf(SocketTimeoutException.class)
        .hasMessage("no reply within 500 ms");
  }

  @Test
  void aPortNobodyListensOnIsUnreachableOrTimesOut() throws IOException {
    InetSocketAddress closed;
    try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      closed = (InetSocketAddress) s.getLocalSocketAddress();
    }
    InetSocketAddress target = closed;
    assertThatThrownBy(() -> NtpClient.system().exchange(target, 4, TIMEOUT))
        .isInstanceOfAny(PortUnreachableException.class, SocketTimeoutException.class);
  }
}
