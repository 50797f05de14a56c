package io.clockhealth.exporter.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
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

  private Responder responder;

  @AfterEach
  void stop() {
    if (responder != null) {
      responder.close();
    }
  }

  /** Answers every request with what {@code answers} makes of it. */
  private InetSocketAddress respond(Function<NtpPacket, List<byte[]>> answers) throws IOException {
    responder =
        Responder.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), answers);
    return responder.address();
  }

  private static byte[] reply(NtpPacket request, long origin) {
    return Replies.datagram(request, origin, 73_000_000_000L);
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
