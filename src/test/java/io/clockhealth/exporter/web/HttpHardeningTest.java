package io.clockhealth.exporter.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.clockhealth.exporter.collect.BuildInfo;
import io.clockhealth.exporter.collect.ClockCollector;
import io.clockhealth.exporter.collect.CollectionResult;
import io.clockhealth.exporter.collect.DaemonCollector;
import io.clockhealth.exporter.collect.FakeCollector;
import io.clockhealth.exporter.model.Daemon;
import io.clockhealth.exporter.model.DaemonReport;
import io.clockhealth.exporter.webconfig.WebConfigSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Limits that keep slow or numerous clients from exhausting the exporter. */
class HttpHardeningTest {

  private final AtomicInteger runs = new AtomicInteger();
  private final List<Socket> sockets = new ArrayList<>();
  private ExporterServer server;
  private ClockCollector collector;

  @AfterEach
  void stop() throws Exception {
    for (Socket socket : sockets) {
      socket.close();
    }
    server.close();
    collector.close();
  }

  private int start(int maxRequests, Duration collectionTime) throws Exception {
    DaemonCollector slow =
        FakeCollector.of(
            Daemon.CHRONY,
            () -> {
              runs.incrementAndGet();
              try {
                Thread.sleep(collectionTime.toMillis());
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return new CollectionResult(true, DaemonReport.empty(Daemon.CHRONY, true));
            });
    collector = new ClockCollector(List.of(slow), Clock.systemUTC(), new BuildInfo("t", "t"));
    server = TestServers.started(collector, WebConfigSource.none(), maxRequests);
    return server.port();
  }

  private static String rawRequest(int port, String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(5_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      return response.lines().findFirst().orElse("");
    }
  }

  @Test
  void oversizedHeadersAreRefused() throws Exception {
    int port = start(8, Duration.ZERO);
    String huge = "x".repeat(ExporterServer.HEADER_BYTES + 1);
    assertThat(
            rawRequest(
                port,
                "GET /metrics HTTP/1.1\r\nHost: x\r\nX-Big: "
                    + huge
                    + "\r\nConnection: close\r\n\r\n"))
        .startsWith("HTTP/1.1 431");
  }

  @Test
  void slowLorisClientsDoNotHoldWorkersOrSlots() throws Exception {
    int port = start(2, Duration.ZERO);
    // Many clients that send half a request and then stall.
    for (int i = 0; i < 60; i++) {
      Socket socket = new Socket("127.0.0.1", port);
      sockets.add(socket);
      socket
          .getOutputStream()
          .write(
              "GET /metrics HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
    }
    long start = System.nanoTime();
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(2.0);
  }

  @Test
  void concurrentRequestsAreCappedAndQueued() throws Exception {
    int port = start(1, Duration.ofMillis(300));
    List<CompletableFuture<HttpResponse<String>>> requests = threeScrapesAtOnce(port);
    for (CompletableFuture<HttpResponse<String>> request : requests) {
      assertThat(request.join().statusCode()).isEqualTo(200);
    }
    // One request at a time: none overlapped another, so none could share a collection run.
    assertThat(runs).hasValue(3);
  }

  @Test
  void withoutTheCapOverlappingScrapesShareOneRun() throws Exception {
    int port = start(8, Duration.ofMillis(300));
    List<CompletableFuture<HttpResponse<String>>> requests = threeScrapesAtOnce(port);
    requests.forEach(r -> assertThat(r.join().statusCode()).isEqualTo(200));
    assertThat(runs.get()).isLessThan(3);
  }

  /** Three GET /metrics sent at once. */
  private static List<CompletableFuture<HttpResponse<String>>> threeScrapesAtOnce(int port) {
    HttpClient client = HttpClient.newHttpClient();
    List<CompletableFuture<HttpResponse<String>>> requests = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      requests.add(
          client.sendAsync(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
              HttpResponse.BodyHandlers.ofString()));
    }
    return requests;
  }
}
