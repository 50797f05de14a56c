package io.clockhealth.exporter.testing;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** File and HTTP chores the fixtures and ITs share. */
public final class TestFiles {

  private TestFiles() {}

  /** Deletes {@code dir} and everything below it; nothing when it does not exist. */
  public static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** The last {@code n} of {@code lines}, joined with newlines. */
  public static String lastLines(List<String> lines, int n) {
    return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
  }

  /** The last {@code n} lines of a log file, or "(no log: …)" when it cannot be read. */
  public static String logTail(Path log, int n) {
    try {
      return lastLines(Files.readAllLines(log, StandardCharsets.UTF_8), n);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** An HTTP/1.1 client with a 5 s connect timeout: the one the fixtures talk to daemons with. */
  public static HttpClient httpClient() {
    return HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(5))
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  /** {@code http.send} of a UTF-8 text answer; an interrupt (kept) becomes an IOException. */
  public static HttpResponse<String> send(HttpClient http, HttpRequest req) throws IOException {
    try {
      return http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
