package io.clockhealth.exporter.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.clockhealth.exporter.testing.ExporterProcess;
import io.clockhealth.exporter.testing.ScrapedMetrics;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Part of the review's finding 10, in the HTTP layer: hundreds of keep-alive connections that have
 * each made a few scrapes must not fill the shipped 48 MiB heap. Jetty's per-connection header
 * field cache (about 100 KB each) did: 500 such connections ended the JVM with an OutOfMemoryError.
 * The exporter runs with the systemd unit's JVM flags and no collector, so the connections are all
 * that costs memory.
 */
class KeepAliveMemoryIT {

  private static final int CONNECTIONS = 500;
  private static final int REQUESTS_PER_CONNECTION = 2;

  @Test
  void fiveHundredKeepAliveConnectionsDoNotExhaustTheShippedHeap() throws Exception {
    try (ExporterProcess exporter =
        ExporterProcess.builder(KeepAliveMemoryIT.class, "keep-alive")
            .args("--no-collector.chrony", "--no-collector.ntpd", "--no-collector.timesyncd")
            .shippedJvmFlags()
            .start()) {
      List<Socket> open = new ArrayList<>();
      try {
        for (int i = 0; i < CONNECTIONS; i++) {
          Socket socket = new Socket(InetAddress.getLoopbackAddress(), exporter.port());
          socket.setSoTimeout(10_000);
          open.add(socket);
          for (int r = 0; r < REQUESTS_PER_CONNECTION; r++) {
            assertThat(scrapeOver(socket, i, r))
                .as("connection %d, request %d", i, r)
                .isEqualTo(200);
          }
          if (i % 100 == 99) {
            assertThat(exporter.isAlive()).as("alive after %d\n%s", i + 1, exporter.log()).isTrue();
          }
        }
        ScrapedMetrics m = exporter.scrape();
        assertThat(m.has("clock_time_seconds")).isTrue();
        assertThat(exporter.isAlive()).as("exporter alive\n%s", exporter.log()).isTrue();
        assertThat(exporter.log()).doesNotContain("java.lang.OutOfMemoryError");
      } finally {
        for (Socket socket : open) {
          socket.close();
        }
      }
    }
  }

  /**
   * One keep-alive GET /metrics on {@code socket}, with headers varying per connection as real
   * clients' do, reading the whole answer so the connection stays usable; the status code.
   */
  private static int scrapeOver(Socket socket, int connection, int request) throws IOException {
    String headers =
        "GET /metrics HTTP/1.1\r\n"
            + "Host: 127.0.0.1\r\n"
            + "User-Agent: Prometheus/2."
            + connection
            + "\r\n"
            + "Accept: text/plain;version=0.0.4;q=0.9,*/*;q=0.1\r\n"
            + "X-Prometheus-Scrape-Timeout-Seconds: "
            + (10 + request)
            + "\r\n"
            + "\r\n";
    socket.getOutputStream().write(headers.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    InputStream in = new BufferedInputStream(socket.getInputStream());
    String status = line(in);
    long length = -1;
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Long.parseLong(header.substring("content-length:".length()).trim());
      }
    }
    assertThat(length).as("Content-Length of %s", status).isPositive();
    assertThat(in.readNBytes((int) length)).hasSize((int) length);
    return Integer.parseInt(status.split(" ")[1]);
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("connection closed after \"" + line + "\"");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }
}
