package io.clockhealth.exporter.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.clockhealth.exporter.model.PeerClockReading;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Reading a Prometheus server's clock from its query API's {@code time()}. */
class PrometheusClockTest {

  private static final PrometheusClock CLOCK = new PrometheusClock(Duration.ofSeconds(2));

  @Test
  void theQueryGoesUnderTheGivenPrefix() {
    assertThat(PrometheusClock.queryUri(URI.create("http://p:9090")))
        .hasToString("http://p:9090/api/v1/query?query=time%28%29");
    assertThat(PrometheusClock.queryUri(URI.create("https://p/prometheus/")))
        .hasToString("https://p/prometheus/api/v1/query?query=time%28%29");
  }

  @Test
  void onlyASuccessfulScalarIsATime() {
    assertThat(
            PrometheusClock.serverTime(
                bytes(
                    "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\","
                        + "\"result\":[1796420000.123,\"1796420000.123\"]}}")))
        .isEqualTo(1796420000.123);
    assertThat(PrometheusClock.serverTime(bytes("{\"status\":\"error\",\"error\":\"x\"}")))
        .isNull();
    assertThat(
            PrometheusClock.serverTime(
                bytes(
                    "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}")))
        .isNull();
    assertThat(PrometheusClock.serverTime(bytes("<html>login</html>"))).isNull();
    assertThat(PrometheusClock.serverTime(bytes(""))).isNull();
  }

  @Test
  void aServer73SecondsAheadGivesThisHostMinusIt() throws Exception {
    PeerClockReading r =
        serve(
            200,
            () ->
                String.format(
                    Locale.ROOT,
                    "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[%.3f,\"x\"]}}",
                    System.currentTimeMillis() / 1e3 + 73));
    assertThat(r.failure()).isNull();
    assertThat(r.offsetSeconds()).isBetween(-73.5, -72.5);
    assertThat(r.roundTripSeconds()).isPositive();
  }

  @Test
  void anErrorAnswerIsAFailureNamingIt() throws Exception {
    PeerClockReading r = serve(401, () -> "Unauthorized");
    assertThat(r.offsetSeconds()).isNull();
    assertThat(r.failure()).startsWith("HTTP 401 from http://127.0.0.1:");
    assertThat(serve(200, () -> "not json").failure()).contains("is not a Prometheus scalar");
  }

  @Test
  void nobodyListeningIsAFailureNotAnException() throws Exception {
    int port;
    try (java.net.ServerSocket s =
        new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    PeerClockReading r = CLOCK.read(URI.create("http://127.0.0.1:" + port));
    assertThat(r.offsetSeconds()).isNull();
    assertThat(r.failure()).startsWith("ConnectException");
  }

  @Test
  void aUrlWithoutAHostIsAFailureNotAnException() {
    PeerClockReading r = CLOCK.read(URI.create("http:/nohost"));
    assertThat(r.offsetSeconds()).isNull();
    assertThat(r.failure()).startsWith("not a URL to ask");
  }

  private static PeerClockReading serve(int status, Supplier<String> body) throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/api/v1/query",
        exchange -> {
          byte[] b = bytes(body.get());
          exchange.sendResponseHeaders(status, b.length);
          exchange.getResponseBody().write(b);
          exchange.close();
        });
    server.start();
    try {
      return CLOCK.read(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    } finally {
      server.stop(0);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
