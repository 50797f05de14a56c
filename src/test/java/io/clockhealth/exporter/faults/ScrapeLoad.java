package io.clockhealth.exporter.faults;

import io.clockhealth.exporter.testing.ExporterProcess;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Clients scraping the exporter's {@code /metrics} back to back until stopped, each scrape checked:
 * HTTP 200 with the chrony collection a success. The test samples what it watches meanwhile and
 * then {@link #stop}s them.
 */
final class ScrapeLoad {

  /** Problems kept: enough to tell what went wrong, bounded when everything does. */
  private static final int MAX_PROBLEMS = 10;

  private static final String HEALTHY = "clock_scrape_collector_success{collector=\"chrony\"} 1";

  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong healthy = new AtomicLong();
  private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
  private final List<Thread> clients = new ArrayList<>();

  private ScrapeLoad(ExporterProcess exporter, int count) {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    HttpRequest request =
        HttpRequest.newBuilder(exporter.baseUri().resolve("/metrics"))
            .timeout(Duration.ofSeconds(10))
            .build();
    for (int i = 0; i < count; i++) {
      Thread client = new Thread(() -> run(http, request), "scrape-load-" + i);
      client.setDaemon(true);
      client.start();
      clients.add(client);
    }
  }

  /** Starts {@code count} clients. */
  static ScrapeLoad start(ExporterProcess exporter, int count) {
    return new ScrapeLoad(exporter, count);
  }

  private void run(HttpClient http, HttpRequest request) {
    while (running.get()) {
      try {
        HttpResponse<String> r =
            http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() == 200 && r.body().contains(HEALTHY)) {
          healthy.incrementAndGet();
        } else {
          problem("HTTP " + r.statusCode() + " " + r.body().lines().limit(3).toList());
        }
      } catch (IOException e) {
        problem(e.toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void problem(String problem) {
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(problem);
    }
  }

  long healthyScrapes() {
    return healthy.get();
  }

  /** The first failed scrapes (at most ten). */
  List<String> problems() {
    return List.copyOf(problems);
  }

  /** Stops the clients and waits for their last scrapes. */
  void stop() throws InterruptedException {
    running.set(false);
    for (Thread client : clients) {
      client.join(Duration.ofSeconds(20).toMillis());
    }
  }
}
