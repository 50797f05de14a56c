package io.clockhealth.exporter.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/**
 * A UDP relay between chronyc and chronyd's command port, on loopback, that can stop a daemon
 * between two requests of one chronyc call: before relaying request number {@code n} (1-based) for
 * which {@code stopBefore} is true it runs {@code onStop} (e.g. SIGKILL chronyd), then closes its
 * socket, so chronyc's request is refused at once (ICMP port unreachable) as it would be by a dead
 * daemon. One client at a time, which is all one chronyc call is. {@link #intoNamespace} relays
 * into a network namespace instead (a prober in the root namespace asking a server inside).
 */
public final class UdpRelay implements AutoCloseable {

  private static final int MAX_PACKET = 2048;

  private final DatagramSocket front;
  private final DatagramSocket back;
  private final Thread thread;
  private final AtomicInteger requests = new AtomicInteger();

  public UdpRelay(
      InetSocketAddress listen,
      InetSocketAddress daemon,
      IntPredicate stopBefore,
      Runnable onStop) {
    this(listen, bind(new InetSocketAddress(listen.getAddress(), 0)), daemon, stopBefore, onStop);
  }

  private UdpRelay(
      InetSocketAddress listen,
      DatagramSocket back,
      InetSocketAddress daemon,
      IntPredicate stopBefore,
      Runnable onStop) {
    this.back = back;
    try {
      this.front = new DatagramSocket(listen);
      back.setSoTimeout(2000);
    } catch (SocketException e) {
      back.close();
      throw new UncheckedIOException("cannot bind the relay on " + listen, e);
    }
    this.thread =
        new Thread(() -> relay(daemon, stopBefore, onStop), "udp-relay-" + listen.getPort());
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * A relay from {@code listen} (this namespace) to {@code daemon} inside {@code ns}, which sees
   * the requests come from {@code nsSource}; it never stops.
   */
  public static UdpRelay intoNamespace(
      InetSocketAddress listen, NetNs ns, InetSocketAddress nsSource, InetSocketAddress daemon) {
    return new UdpRelay(listen, ns.datagramSocket(nsSource), daemon, n -> false, () -> {});
  }

  private static DatagramSocket bind(InetSocketAddress address) {
    try {
      return new DatagramSocket(address);
    } catch (SocketException e) {
      throw new UncheckedIOException("cannot bind the relay on " + address, e);
    }
  }

  /** Requests relayed or stopped at so far. */
  public int requests() {
    return requests.get();
  }

  private void relay(InetSocketAddress daemon, IntPredicate stopBefore, Runnable onStop) {
    byte[] buffer = new byte[MAX_PACKET];
    try {
      while (!front.isClosed()) {
        DatagramPacket request = new DatagramPacket(buffer, buffer.length);
        front.receive(request);
        SocketAddress client = request.getSocketAddress();
        if (stopBefore.test(requests.incrementAndGet())) {
          onStop.run();
          front.close();
          return;
        }
        back.send(new DatagramPacket(request.getData(), request.getLength(), daemon));
        DatagramPacket reply = new DatagramPacket(new byte[MAX_PACKET], MAX_PACKET);
        try {
          back.receive(reply);
        } catch (SocketTimeoutException e) {
          continue; // chronyc retries; so do we
        }
        front.send(new DatagramPacket(reply.getData(), reply.getLength(), client));
      }
    } catch (IOException e) {
      // closed: done
    }
  }

  @Override
  public void close() {
    front.close();
    back.close();
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
