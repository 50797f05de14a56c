package io.clockhealth.exporter.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.clockhealth.exporter.collect.BuildInfo;
import io.clockhealth.exporter.collect.ClockCollector;
import io.clockhealth.exporter.collect.DaemonCollector;
import io.clockhealth.exporter.collect.Reading;
import io.clockhealth.exporter.model.Daemon;
import io.clockhealth.exporter.model.DaemonReport;
import io.clockhealth.exporter.webconfig.WebConfigSource;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Finding 2 (slow-loris): 600 sockets — more than {@link ExporterServer#MAX_CONNECTIONS} — that sit
 * idle or trickle one header line every 5 s, on the plain and on the TLS port, and reconnect when
 * dropped. Scrapes made meanwhile must each answer within 1 s.
 */
class SlowClientsIT {

  private static final int SOCKETS = 600;
  private static final long ATTACK_MILLIS = 25_000;

  @TempDir static Path pkiDir;
  private static TestPki pki;

  private ExporterServer server;
  private ClockCollector collector;

  @BeforeAll
  static void makeCertificates() throws Exception {
    pki = TestPki.create(pkiDir);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    collector.close();
  }

  private int start(boolean tls) throws Exception {
    DaemonCollector fast =
        new DaemonCollector() {
          @Override
          public Daemon daemon() {
            return Daemon.CHRONY;
          }

          @Override
          public Reading read() {
            return new Reading.Read(DaemonReport.empty(Daemon.CHRONY, true), List.of());
          }
        };
    collector = new ClockCollector(List.of(fast), Clock.systemUTC(), new BuildInfo("t", "t"));
    WebConfigSource web = WebConfigSource.none();
    if (tls) {
      Path file = pkiDir.resolve("web.yml");
      Files.writeString(
          file,
          "tls_server_config:\n  cert_file: "
              + pki.serverCert
              + "\n  key_file: "
              + pki.serverKey
              + "\n");
      web = WebConfigSource.load(file);
    }
    server = TestServers.started(collector, web, 8, null);
    return server.port();
  }

  @ParameterizedTest(name = "{0} clients, tls={1}")
  @CsvSource({"IDLE,false", "TRICKLE,false", "IDLE,true", "TRICKLE,true"})
  void scrapesAnswerWithinOneSecondDuringASlowLorisAttack(SlowLoris.Mode mode, boolean tls)
      throws Exception {
    int port = start(tls);
    List<Double> seconds = new ArrayList<>();
    try (SlowLoris attack =
        new SlowLoris(port, SOCKETS, mode, 5_000, tls ? RawHttpsClient.trustingContext() : null)) {
      long end = System.currentTimeMillis() + ATTACK_MILLIS;
      int peak = 0;
      while (System.currentTimeMillis() < end) {
        peak = Math.max(peak, attack.connected());
        long startNanos = System.nanoTime();
        String status = tls ? new RawHttpsClient().get(port, "/metrics") : plainGet(port);
        seconds.add((System.nanoTime() - startNanos) / 1e9);
        assertThat(status).startsWith("HTTP/1.1 200");
        Thread.sleep(250);
      }
      Collections.sort(seconds);
      System.out.printf(
          "slow-loris %s tls=%s: %d scrapes, p50 %.3f s, max %.3f s; attacker peak %d sockets,"
              + " %d closed by the server%n",
          mode,
          tls,
          seconds.size(),
          seconds.get(seconds.size() / 2),
          seconds.get(seconds.size() - 1),
          peak,
          attack.closedByServer());
      assertThat(peak).isGreaterThan(ExporterServer.MAX_CONNECTIONS - 50);
      // Stalled sockets were dropped: by eviction beyond the cap, and by the header deadline.
      assertThat(attack.closedByServer()).isGreaterThan(SOCKETS - ExporterServer.MAX_CONNECTIONS);
    }
    assertThat(seconds.get(seconds.size() - 1)).isLessThan(1.0);
  }

  @Test
  void aClientTricklingItsHeadersIsDroppedAtTheHeaderDeadline() throws Exception {
    int port = start(false);
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(1_000);
      socket
          .getOutputStream()
          .write("GET /metrics HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
      long startNanos = System.nanoTime();
      InputStream in = socket.getInputStream();
      boolean closed = false;
      while (!closed && (System.nanoTime() - startNanos) / 1e9 < 20) {
        try {
          closed = in.read() < 0;
        } catch (java.net.SocketTimeoutException e) {
          socket.getOutputStream().write("X-a: b\r\n".getBytes(StandardCharsets.US_ASCII));
        } catch (java.io.IOException reset) {
          closed = true;
        }
      }
      double after = (System.nanoTime() - startNanos) / 1e9;
      assertThat(closed).isTrue();
      assertThat(after)
          .isBetween(
              ExporterServer.HEADER_DEADLINE.toSeconds() - 0.5,
              ExporterServer.HEADER_DEADLINE.toSeconds() + 1.5);
    }
  }

  private static String plainGet(int port) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(5_000);
      socket
          .getOutputStream()
          .write(
              "GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      String response =
          new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      return response.lines().findFirst().orElse("");
    }
  }
}
