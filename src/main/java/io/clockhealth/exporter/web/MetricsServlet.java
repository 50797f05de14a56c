package io.clockhealth.exporter.web;

import io.clockhealth.exporter.collect.ScrapeResult;
import io.clockhealth.exporter.collect.Scrapes;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /metrics}. A plain scrape gets the collected metrics serialised once per flight and format
 * ({@link SharedExpositions}) behind its own reading of the host clock. {@code name[]} and
 * client_java's {@code debug} values go to client_java's servlet, which serialises per request. Any
 * other query is the client's mistake (400), where client_java would answer 500 and echo the value
 * back.
 */
final class MetricsServlet extends PrometheusMetricsServlet {

  private static final long serialVersionUID = 1L;

  private static final Set<String> DEBUG_VALUES =
      Set.of("text", "openmetrics", "prometheus-protobuf");

  private static final Pattern LIST = Pattern.compile(",");
  private static final Pattern PARAMETERS = Pattern.compile(";");
  private static final Pattern REFUSED = Pattern.compile("\\s*[qQ]\\s*=\\s*0(\\.0*)?\\s*");

  private final transient Scrapes collector;
  private final transient ExpositionFormats formats = ExpositionFormats.init();
  private static final Logger LOG = LoggerFactory.getLogger(MetricsServlet.class);

  private final transient SharedExpositions shared = new SharedExpositions();

  /**
   * Plain scrapes read {@code collector} directly; client_java's servlet reads it as a registry.
   */
  MetricsServlet(Scrapes collector) {
    super(registryOf(collector));
    this.collector = collector;
  }

  private static PrometheusRegistry registryOf(Scrapes collector) {
    PrometheusRegistry registry = new PrometheusRegistry();
    registry.register(collector);
    return registry;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Map<String, String[]> parameters = request.getParameterMap();
    if (!supported(parameters)) {
      ProbeServlet.refuse(
          response,
          HttpServletResponse.SC_BAD_REQUEST,
          "Unsupported query: only name[]=NAME and debug=text|openmetrics|prometheus-protobuf");
      return;
    }
    if (!parameters.isEmpty()) {
      super.doGet(request, response);
      return;
    }
    try {
      serve(request, response);
    } catch (RuntimeException e) {
      // A bug or a resource limit, never the tools' fault (those are collector_success 0): one
      // line naming it, and a 503 the scraper retries rather than Jetty's bare 500.
      LOG.error("scrape failed: {}", e.toString(), e);
      if (!response.isCommitted()) {
        response.reset();
        ProbeServlet.refuse(
            response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Scrape failed: see the log");
      }
    }
  }

  private void serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String accept = request.getHeader("Accept");
    ExpositionFormatWriter writer = formats.findWriter(accept);
    EscapingScheme escaping = EscapingScheme.fromAcceptHeader(accept);
    ScrapeResult scrape = collector.scrape();
    byte[] head = SharedExpositions.head(writer, scrape.hostTimeSnapshots(), escaping);
    byte[] body =
        shared.body(scrape, writer, escaping, s -> s.collectedSnapshots(collector.buildInfo()));
    response.setContentType(writer.getContentType());
    if (acceptsGzip(request)) {
      response.setHeader("Content-Encoding", "gzip");
      try (OutputStream out = new GZIPOutputStream(response.getOutputStream())) {
        out.write(head);
        out.write(body);
      }
    } else {
      response.setContentLength(head.length + body.length);
      OutputStream out = response.getOutputStream();
      out.write(head);
      out.write(body);
    }
  }

  /** gzip is listed in Accept-Encoding and not refused with {@code q=0}. */
  static boolean acceptsGzip(HttpServletRequest request) {
    return Collections.list(request.getHeaders("Accept-Encoding")).stream()
        .flatMap(LIST::splitAsStream)
        .map(coding -> PARAMETERS.splitAsStream(coding).map(String::trim).toList())
        .anyMatch(
            parts ->
                !parts.isEmpty()
                    && parts.get(0).equalsIgnoreCase("gzip")
                    && parts.stream().skip(1).noneMatch(p -> REFUSED.matcher(p).matches()));
  }

  private static boolean supported(Map<String, String[]> parameters) {
    for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
      switch (parameter.getKey()) {
        case "name[]" -> {}
        case "debug" -> {
          for (String value : parameter.getValue()) {
            if (!DEBUG_VALUES.contains(value)) {
              return false;
            }
          }
        }
        default -> {
          return false;
        }
      }
    }
    return true;
  }
}
