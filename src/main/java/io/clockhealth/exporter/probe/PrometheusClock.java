package io.clockhealth.exporter.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clockhealth.exporter.model.PeerClockReading;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Reads a Prometheus server's clock through its HTTP API ({@code /api/v1/query?query=time()}: the
 * server's own "now" in seconds) and compares it with this host's at the middle of the round trip,
 * the way the Prometheus UI compares the browser's clock with the server's. The whole exchange is
 * bounded by one timeout.
 */
public final class PrometheusClock {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A response larger than this is not a scalar's answer. */
  private static final int MAX_BODY_BYTES = 64 * 1024;

  private final HttpClient http;
  private final Clock clock;
  private final Duration timeout;

  public PrometheusClock(Duration timeout) {
    this(
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build(),
        Clock.systemUTC(),
        timeout);
  }

  PrometheusClock(HttpClient http, Clock clock, Duration timeout) {
    this.http = http;
    this.clock = clock;
    this.timeout = timeout;
  }

  /** The URI asked of a Prometheus at {@code base} (its external URL, with any path prefix). */
  static URI queryUri(URI base) {
    String text = base.toString();
    return URI.create(
        (text.endsWith("/") ? text.substring(0, text.length() - 1) : text)
            + "/api/v1/query?query=time%28%29");
  }

  public PeerClockReading read(URI base) {
    String peer = base.toString();
    HttpRequest request;
    try {
      request = HttpRequest.newBuilder(queryUri(base)).timeout(timeout).GET().build();
    } catch (IllegalArgumentException e) {
      return PeerClockReading.failed(peer, "not a URL to ask: " + e.getMessage());
    }
    long startNanos = System.nanoTime();
    long startMillis = clock.millis();
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      return PeerClockReading.failed(peer, e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return PeerClockReading.failed(peer, "interrupted");
    }
    double roundTrip = (System.nanoTime() - startNanos) / 1e9;
    // the host's wall clock at the middle of the round trip, by the monotonic clock's measure
    double hostSeconds = startMillis / 1e3 + roundTrip / 2;
    if (response.statusCode() != 200) {
      return PeerClockReading.failed(
          peer, "HTTP " + response.statusCode() + " from " + request.uri());
    }
    if (response.body().length > MAX_BODY_BYTES) {
      return PeerClockReading.failed(
          peer, "answer over " + MAX_BODY_BYTES + " bytes: not Prometheus");
    }
    Double serverSeconds = serverTime(response.body());
    if (serverSeconds == null) {
      return PeerClockReading.failed(
          peer, "the answer to " + request.uri() + " is not a Prometheus scalar");
    }
    return new PeerClockReading(peer, hostSeconds - serverSeconds, roundTrip, null);
  }

  /** {@code {"status":"success","data":{"resultType":"scalar","result":[<time>,"<value>"]}}}. */
  static @Nullable Double serverTime(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
    if (root == null || !"success".equals(root.path("status").asText())) {
      return null;
    }
    JsonNode data = root.path("data");
    if (!"scalar".equals(data.path("resultType").asText())) {
      return null;
    }
    JsonNode time = data.path("result").path(0);
    return time.isNumber() ? time.doubleValue() : null;
  }
}
