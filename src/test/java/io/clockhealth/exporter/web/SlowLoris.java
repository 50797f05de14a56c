package io.clockhealth.exporter.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A bounded slow-loris attacker for tests: {@code sockets} connections that either sit idle or
 * trickle one header line every {@code interval} (on a TLS port after a handshake), and reconnect
 * (after a pause, so the test stays cheap) whenever the server closes them. One small-stack thread
 * per socket.
 */
final class SlowLoris implements AutoCloseable {

  enum Mode {
    /** Connect and send nothing (on a TLS port: not even a ClientHello). */
    IDLE,
    /** Send a request line, then one header line per interval, never the blank line. */
    TRICKLE
  }

  private static final long RECONNECT_PAUSE_MILLIS = 500;

  /** Sockets are opened over a few seconds: a TLS handshake storm is another attack. */
  private static final long RAMP_UP_MILLIS_PER_SOCKET = 5;

  private final List<Thread> threads = new ArrayList<>();
  private final List<Socket> sockets = new ArrayList<>();
  private final AtomicInteger connected = new AtomicInteger();
  private final AtomicInteger closedByServer = new AtomicInteger();
  private volatile boolean running = true;

  /**
   * @param tls {@code null} for plain TCP; else the context to complete a handshake with before
   *     trickling
   */
  SlowLoris(int port, int count, Mode mode, int intervalMillis, SSLContext tls)
      throws InterruptedException {
    for (int i = 0; i < count; i++) {
      Thread.sleep(RAMP_UP_MILLIS_PER_SOCKET);
      Thread thread =
          new Thread(
              null, () -> attack(port, mode, intervalMillis, tls), "slowloris-" + i, 128 * 1024);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
  }

  /** Sockets currently connected. */
  int connected() {
    return connected.get();
  }

  /** How many times the server closed one of the sockets. */
  int closedByServer() {
    return closedByServer.get();
  }

  private void attack(int port, Mode mode, int intervalMillis, SSLContext tls) {
    while (running) {
      try (Socket socket = open(port, mode, tls)) {
        connected.incrementAndGet();
        try {
          holdOpen(socket, mode, intervalMillis);
        } finally {
          connected.decrementAndGet();
        }
        if (running) {
          closedByServer.incrementAndGet();
        }
      } catch (IOException e) {
        if (running) {
          closedByServer.incrementAndGet();
        }
      }
      pause(RECONNECT_PAUSE_MILLIS);
    }
  }

  private Socket open(int port, Mode mode, SSLContext tls) throws IOException {
    Socket socket = new Socket();
    synchronized (sockets) {
      if (!running) {
        throw new IOException("stopped");
      }
      sockets.add(socket);
    }
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    if (tls == null || mode == Mode.IDLE) {
      return socket;
    }
    SSLSocket secure =
        (SSLSocket) tls.getSocketFactory().createSocket(socket, "127.0.0.1", port, true);
    secure.startHandshake();
    return secure;
  }

  /** Returns when the server closes the connection (or the attack stops). */
  private void holdOpen(Socket socket, Mode mode, int intervalMillis) throws IOException {
    OutputStream out = socket.getOutputStream();
    InputStream in = socket.getInputStream();
    if (mode == Mode.TRICKLE) {
      out.write("GET /metrics HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }
    socket.setSoTimeout(intervalMillis);
    while (running) {
      try {
        if (in.read() < 0) {
          return;
        }
      } catch (SocketTimeoutException e) {
        if (mode == Mode.TRICKLE) {
          out.write("X-a: b\r\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
        }
      }
    }
  }

  private void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public void close() {
    running = false;
    synchronized (sockets) {
      for (Socket socket : sockets) {
        try {
          socket.close();
        } catch (IOException e) {
          // closing anyway
        }
      }
    }
    try {
      for (Thread thread : threads) {
        thread.join(10_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
