package io.clockhealth.exporter.web;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.clockhealth.exporter.collect.BuildInfo;
import io.clockhealth.exporter.collect.ClockCollector;
import io.clockhealth.exporter.webconfig.WebConfigSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 4: 300 keep-alive connections sending a new wrong password on every request must not
 * starve an authorised scraper (whose password is cached after its first scrape).
 */
class BcryptFloodIT {

  private static final int ATTACKERS = 300;
  private static final long ATTACK_MILLIS = 20_000;

  @TempDir Path dir;
  private ExporterServer server;
  private ClockCollector collector;
  private volatile boolean attacking = true;
  private final AtomicLong attempts = new AtomicLong();

  @AfterEach
  void stop() throws Exception {
    attacking = false;
    server.close();
    collector.close();
  }

  @Test
  void authorisedScrapesStayFastWhileWrongPasswordsFlood() throws Exception {
    String hash = BCrypt.with(BCrypt.Version.VERSION_2Y).hashToString(10, "s3cret".toCharArray());
    Path web = dir.resolve("web.yml");
    Files.writeString(web, "basic_auth_users:\n  prometheus: " + hash + "\n");
    collector = new ClockCollector(List.of(), Clock.systemUTC(), new BuildInfo("t", "t"));
    server = TestServers.started(collector, WebConfigSource.load(web), 8);
    int port = server.port();
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest scrape =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
            .header("Authorization", basic("prometheus", "s3cret"))
            .timeout(Duration.ofSeconds(10))
            .build();
    assertThat(client.send(scrape, HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(200);

    List<Thread> attackers = new ArrayList<>();
    for (int i = 0; i < ATTACKERS; i++) {
      int id = i;
      Thread t = new Thread(null, () -> attack(port, id), "attacker-" + i, 128 * 1024);
      t.setDaemon(true);
      t.start();
      attackers.add(t);
    }
    Thread.sleep(2_000);
    List<Double> seconds = new ArrayList<>();
    int failed = 0;
    long end = System.currentTimeMillis() + ATTACK_MILLIS;
    while (System.currentTimeMillis() < end) {
      long start = System.nanoTime();
      int status;
      try {
        status = client.send(scrape, HttpResponse.BodyHandlers.ofString()).statusCode();
      } catch (IOException e) {
        status = -1;
      }
      seconds.add((System.nanoTime() - start) / 1e9);
      if (status != 200) {
        failed++;
      }
      Thread.sleep(100);
    }
    attacking = false;
    for (Thread t : attackers) {
      t.join(10_000);
    }
    Collections.sort(seconds);
    double p99 = seconds.get((int) Math.ceil(seconds.size() * 0.99) - 1);
    System.out.printf(
        "bcrypt flood: %d attacker requests in %d s; %d authorised scrapes, p50 %.3f s,"
            + " p99 %.3f s, max %.3f s, %d not 200%n",
        attempts.get(),
        (ATTACK_MILLIS + 2_000) / 1000,
        seconds.size(),
        seconds.get(seconds.size() / 2),
        p99,
        seconds.get(seconds.size() - 1),
        failed);
    assertThat(failed).isZero();
    assertThat(p99).isLessThan(1.0);
  }

  /** One keep-alive connection, a new wrong password per request, reconnecting when closed. */
  private void attack(int port, int id) {
    long n = 0;
    while (attacking) {
      try (Socket socket = new Socket("127.0.0.1", port)) {
        socket.setSoTimeout(15_000);
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        while (attacking) {
          String request =
              "GET /-/healthy HTTP/1.1\r\nHost: x\r\nAuthorization: "
                  + basic("prometheus", "wrong-" + id + "-" + n++)
                  + "\r\n\r\n";
          out.write(request.getBytes(StandardCharsets.US_ASCII));
          out.flush();
          if (!readResponse(in)) {
            break;
          }
          attempts.incrementAndGet();
        }
      } catch (IOException e) {
        // reconnect
      }
    }
  }

  /** Reads one response (headers and a Content-Length body); false at end of stream. */
  private static boolean readResponse(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        return false;
      }
      head.append((char) b);
    }
    int length = 0;
    for (String line : head.toString().split("\r\n")) {
      if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
        length = Integer.parseInt(line.substring(15).strip());
      }
    }
    return in.readNBytes(length).length == length;
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
