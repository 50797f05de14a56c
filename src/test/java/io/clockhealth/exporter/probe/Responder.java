package io.clockhealth.exporter.probe;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.function.Function;

/**
 * A UDP server for the probe's tests that answers every NTP request with the datagrams a test makes
 * of it: a proper reply, one with another origin, garbage, or nothing at all.
 */
final class Responder implements AutoCloseable {

  private final DatagramSocket socket;
  private final Thread thread;

  private Responder(DatagramSocket socket, Function<NtpPacket, List<byte[]>> answers) {
    this.socket = socket;
    this.thread = new Thread(() -> serve(answers), "ntp-responder");
    thread.setDaemon(true);
    thread.start();
  }

  /** Listens on {@code bind} (port 0: any free one) from now until closed. */
  static Responder start(SocketAddress bind, Function<NtpPacket, List<byte[]>> answers)
      throws IOException {
    return new Responder(new DatagramSocket(bind), answers);
  }

  InetSocketAddress address() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  private void serve(Function<NtpPacket, List<byte[]>> answers) {
    byte[] buf = new byte[512];
    while (!socket.isClosed()) {
      DatagramPacket p = new DatagramPacket(buf, buf.length);
      try {
        socket.receive(p);
        NtpPacket request = NtpPacket.decode(p.getData(), p.getLength());
        for (byte[] answer : answers.apply(request)) {
          socket.send(new DatagramPacket(answer, answer.length, p.getSocketAddress()));
        }
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  @Override
  public void close() {
    socket.close();
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
