package io.clockhealth.exporter.web;

import io.clockhealth.exporter.metrics.ProbeMetrics;
import io.clockhealth.exporter.probe.ProbeService;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * {@code /probe?target=HOST[:PORT]&module=NAME}: one probe of one time server, answered with its
 * clock_probe_* metrics only, in the format the scraper asks for. A request the exporter cannot
 * serve is 400 (or 503 when too many probes are in flight) with a one-line reason.
 */
final class ProbeServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  static final String SCRAPE_TIMEOUT_HEADER = "X-Prometheus-Scrape-Timeout-Seconds";
  private static final Pattern SECONDS = Pattern.compile("\\d{1,4}(\\.\\d{1,9})?");

  private final transient ProbeService probes;
  private final transient ExpositionFormats formats = ExpositionFormats.init();

  ProbeServlet(ProbeService probes) {
    this.probes = probes;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Map<String, String[]> parameters = request.getParameterMap();
    for (Map.Entry<String, String[]> p : parameters.entrySet()) {
      if (!p.getKey().equals("target") && !p.getKey().equals("module")) {
        refuse(response, 400, "unsupported query: only target=HOST[:PORT] and module=NAME");
        return;
      }
      if (p.getValue().length != 1) {
        refuse(response, 400, p.getKey() + " given more than once");
        return;
      }
    }
    ProbeService.Answer answer =
        probes.probe(
            request.getParameter("target"),
            request.getParameter("module"),
            scrapeTimeout(request.getHeader(SCRAPE_TIMEOUT_HEADER)));
    if (answer instanceof ProbeService.Answer.Refused refused) {
      refuse(response, refused.status(), refused.reason());
      return;
    }
    ProbeService.Answer.Probed probed = (ProbeService.Answer.Probed) answer;
    String accept = request.getHeader("Accept");
    ExpositionFormatWriter writer = formats.findWriter(accept);
    ByteArrayOutputStream body = new ByteArrayOutputStream(2048);
    writer.write(body, ProbeMetrics.of(probed.report()), EscapingScheme.fromAcceptHeader(accept));
    response.setContentType(writer.getContentType());
    if (MetricsServlet.acceptsGzip(request)) {
      response.setHeader("Content-Encoding", "gzip");
      try (OutputStream out = new GZIPOutputStream(response.getOutputStream())) {
        body.writeTo(out);
      }
    } else {
      response.setContentLength(body.size());
      body.writeTo(response.getOutputStream());
    }
  }

  /** Prometheus's timeout for this scrape; a missing or malformed header is ignored. */
  static @Nullable Duration scrapeTimeout(@Nullable String header) {
    if (header == null || !SECONDS.matcher(header.strip()).matches()) {
      return null;
    }
    return Duration.ofNanos((long) (Double.parseDouble(header.strip()) * 1e9));
  }

  /** A client error or an overload: the status and a one-line reason, as plain text. */
  static void refuse(HttpServletResponse response, int status, String reason) throws IOException {
    response.setStatus(status);
    response.setContentType("text/plain; charset=utf-8");
    response.getWriter().println(reason);
  }
}
