package io.clockhealth.exporter.web;

import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * client_java's metrics servlet behind a check of the query: only {@code name[]} and client_java's
 * own {@code debug} values are understood. Anything else is the client's mistake (400), where
 * client_java would answer 500 and echo the value back.
 */
final class MetricsServlet extends PrometheusMetricsServlet {

  private static final long serialVersionUID = 1L;

  private static final Set<String> DEBUG_VALUES =
      Set.of("text", "openmetrics", "prometheus-protobuf");

  MetricsServlet(PrometheusRegistry registry) {
    super(registry);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Cache-Control", "no-store");
    if (!supported(request.getParameterMap())) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      response.setContentType("text/plain; charset=utf-8");
      response
          .getWriter()
          .println(
              "Unsupported query: only name[]=NAME and debug=text|openmetrics|prometheus-protobuf");
      return;
    }
    super.doGet(request, response);
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
