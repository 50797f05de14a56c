package io.clockhealth.exporter.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.clockhealth.exporter.collect.BuildInfo;
import io.clockhealth.exporter.collect.ClockCollector;
import io.clockhealth.exporter.collect.CollectionResult;
import io.clockhealth.exporter.collect.DaemonCollector;
import io.clockhealth.exporter.collect.FakeCollector;
import io.clockhealth.exporter.collect.HostCollection;
import io.clockhealth.exporter.config.ExporterSettings;
import io.clockhealth.exporter.config.ListenAddress;
import io.clockhealth.exporter.config.WebSettings;
import io.clockhealth.exporter.model.ClockSteps;
import io.clockhealth.exporter.model.Daemon;
import io.clockhealth.exporter.model.DaemonReport;
import io.clockhealth.exporter.model.HostClock;
import io.clockhealth.exporter.model.KernelClock;
import io.clockhealth.exporter.model.KernelTimeState;
import io.clockhealth.exporter.model.LeapStatus;
import io.clockhealth.exporter.model.SelectionReason;
import io.clockhealth.exporter.model.SourceMode;
import io.clockhealth.exporter.model.SourceState;
import io.clockhealth.exporter.model.SourceStatus;
import io.clockhealth.exporter.model.SystemStatus;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExporterServerTest {

  private final AtomicInteger collections = new AtomicInteger();
  private ExporterServer server;
  private ClockCollector collector;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    DaemonCollector fake =
        FakeCollector.of(
            Daemon.CHRONY,
            () -> {
              int n = collections.incrementAndGet();
              SystemStatus system =
                  SystemStatus.builder()
                      .synchronized_(true)
                      .offsetSeconds(n * 1e-3)
                      .refId("7F000015")
                      .reference("127.0.0.21")
                      .stratum(11)
                      .leapStatus(LeapStatus.NORMAL)
                      .localReference(false)
                      .build();
              SourceStatus source =
                  SourceStatus.builder("<script>x</script>")
                      .mode(SourceMode.SERVER)
                      .state(SourceState.SELECTED)
                      .reachability(255)
                      .offsetSeconds(1e-6)
                      .build();
              SourceStatus distant =
                  SourceStatus.builder("127.0.0.22")
                      .mode(SourceMode.SERVER)
                      .state(SourceState.UNUSABLE)
                      .selectionReason(SelectionReason.DISTANT)
                      .reachability(255)
                      .build();
              return new CollectionResult(
                  true,
                  new DaemonReport(
                      Daemon.CHRONY, true, system, List.of(source, distant), List.of()));
            });
    HostClock hostClock =
        new HostClock(
            new KernelClock(KernelTimeState.ERROR, 0x40, 0, 0, 16, 16, 0),
            List.of(),
            false,
            "tsc",
            List.of("tsc", "kvm-clock"),
            "Europe/Berlin",
            3600,
            List.of("chronyd", "ntpd"),
            null,
            new ClockSteps(0, 1, -45.25, 1_796_222_000.0));
    collector =
        new ClockCollector(
            List.of(fake),
            () -> new HostCollection(true, hostClock),
            Clock.systemUTC(),
            new BuildInfo("9.9", "r"),
            Duration.ZERO,
            ExporterSettings.DEFAULT_MAX_SOURCES);
    server =
        new ExporterServer(
            new WebSettings(
                new ListenAddress("127.0.0.1", 0),
                "/metrics",
                null,
                WebSettings.DEFAULT_MAX_REQUESTS),
            collector);
    server.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    collector.close();
  }

  private HttpResponse<String> get(String path, String accept) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    if (accept != null) {
      request.header("Accept", accept);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesTextFormatFreshOnEveryScrape() throws Exception {
    HttpResponse<String> first = get("/metrics", null);
    HttpResponse<String> second = get("/metrics", null);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/plain; version=0.0.4");
    assertThat(first.body()).contains("clock_offset_seconds{daemon=\"chrony\"} 0.001");
    assertThat(second.body()).contains("clock_offset_seconds{daemon=\"chrony\"} 0.002");
    assertThat(first.body()).contains("clock_time_seconds ").contains("clock_exporter_build_info");
  }

  /** Prometheus asks for gzip; a client that refuses it with q=0 gets plain text. */
  @Test
  void compressesWhenAskedAndNotWhenRefused() throws Exception {
    HttpResponse<byte[]> gzipped = getBytes("gzip");
    assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
    String body;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(body).contains("clock_time_seconds ", "clock_offset_seconds{daemon=\"chrony\"}");
    for (String refused : List.of("gzip;q=0", "identity", "br, gzip ; Q=0.0")) {
      HttpResponse<byte[]> plain = getBytes(refused);
      assertThat(plain.headers().firstValue("Content-Encoding")).as(refused).isEmpty();
      assertThat(new String(plain.body(), StandardCharsets.UTF_8))
          .as(refused)
          .contains("clock_time_seconds ");
    }
  }

  private HttpResponse<byte[]> getBytes(String acceptEncoding) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
            .header("Accept-Encoding", acceptEncoding)
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void negotiatesOpenMetricsAndProtobuf() throws Exception {
    HttpResponse<String> om = get("/metrics", "application/openmetrics-text; version=1.0.0");
    assertThat(om.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/openmetrics-text");
    assertThat(om.body()).endsWith("# EOF\n");
    HttpResponse<String> pb =
        get(
            "/metrics",
            "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;"
                + "encoding=delimited");
    assertThat(pb.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/vnd.google.protobuf");
  }

  @Test
  void landingPageSummarisesAndEscapes() throws Exception {
    HttpResponse<String> page = get("/", null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("href=\"/metrics\"")
        .contains("Synchronised")
        .contains("127.0.0.21")
        .contains("selected")
        .contains("&lt;script&gt;x&lt;/script&gt;")
        .doesNotContain("<script>x")
        // a status display: the doctor's findings, the browser-clock check, its own reload
        .contains("<h2>Findings</h2>")
        .contains("<p id=\"browser-clock\" class=\"bad\" hidden data-host-ms=\"")
        .contains("<meta http-equiv=\"refresh\" content=\"30\">")
        .contains("<meta name=\"viewport\"")
        // chrony's own reason, where selectdata was readable; n/a where it was not
        .contains("<td>127.0.0.22</td><td>unusable</td><td>distant</td>")
        .contains("<td>selected</td><td>n/a</td>");
  }

  @Test
  void landingPageShowsTheHostClock() throws Exception {
    String page = get("/", null).body();
    assertThat(page)
        .contains("<h2>host</h2>")
        .contains("Kernel NOT synchronised (adjtimex TIME_ERROR)")
        .contains("tsc (available: tsc kvm-clock)")
        .contains("Europe/Berlin (UTC+01:00)")
        .contains("chronyd, ntpd")
        .contains("0 forward, 1 backward; the last -45.250 s at 2026-12-02T14:33:20Z");
    assertThat(get("/metrics", null).body())
        .contains("clock_steps_total{direction=\"backward\"} 1.0")
        .contains("clock_scrape_collector_success{collector=\"host\"} 1.0")
        .contains("clock_time_daemon_running{process=\"ntpd\"} 1.0");
  }

  @Test
  void healthAndReadiness() throws Exception {
    assertThat(get("/-/healthy", null).statusCode()).isEqualTo(200);
    assertThat(get("/-/ready", null).body()).contains("Ready");
  }

  @Test
  void unknownPathsAre404() throws Exception {
    assertThat(get("/nope", null).statusCode()).isEqualTo(404);
    assertThat(get("/metrics/extra", null).statusCode()).isEqualTo(404);
  }

  @Test
  void otherMethodsAre405() throws Exception {
    for (String method : List.of("POST", "PUT", "DELETE", "OPTIONS", "TRACE")) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                  .method(method, HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(method).isEqualTo(405);
      assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }
  }

  @Test
  void headIsAllowed() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void everyAnswerSaysNosniffAndMetricsAndHealthAreNotCached() throws Exception {
    for (String path : List.of("/", "/metrics", "/-/healthy", "/-/ready", "/nope")) {
      assertThat(get(path, null).headers().firstValue("X-Content-Type-Options"))
          .as(path)
          .hasValue("nosniff");
    }
    for (String path : List.of("/", "/metrics", "/-/healthy", "/-/ready")) {
      assertThat(get(path, null).headers().firstValue("Cache-Control"))
          .as(path)
          .hasValue("no-store");
    }
  }

  @Test
  void theLandingPagePolicyAllowsItsOwnInlineStyleAndScriptByHash() throws Exception {
    HttpResponse<String> page = get("/", null);
    String body = page.body();
    String style = body.substring(body.indexOf("<style>") + 7, body.indexOf("</style>"));
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            policy ->
                assertThat(policy)
                    .startsWith("default-src 'none'")
                    .contains("style-src " + ContentSecurityPolicy.hash(style))
                    .contains("frame-ancestors 'none'"));
    // Every inline block the page has is covered: its one script (the browser-clock check) runs
    // by its hash, and no other may.
    assertThat(body.split("<script", -1)).hasSize(2);
    String script = body.substring(body.indexOf("<script>") + 8, body.indexOf("</script>"));
    assertThat(page.headers().firstValue("Content-Security-Policy").get())
        .contains("script-src " + ContentSecurityPolicy.hash(script) + ";");
  }

  @Test
  void unsupportedQueryParametersAre400WithoutEchoingThem() throws Exception {
    for (String query :
        List.of("?debug=%3Cscript%3Ealert(1)%3C/script%3E", "?debug=", "?foo=1", "?x")) {
      HttpResponse<String> response = get("/metrics" + query, null);
      assertThat(response.statusCode()).as(query).isEqualTo(400);
      assertThat(response.body()).doesNotContain("<script>").doesNotContain("foo");
    }
    assertThat(get("/metrics?debug=text", null).statusCode()).isEqualTo(200);
    assertThat(get("/metrics?name[]=clock_time_seconds", null).body())
        .contains("clock_time_seconds")
        .doesNotContain("clock_offset_seconds");
  }
}
