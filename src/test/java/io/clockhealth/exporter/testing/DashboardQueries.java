package io.clockhealth.exporter.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The shipped dashboards' queries, substituted as Grafana would, asked of a real Prometheus: every
 * panel must show data for the fleet the test built. The PTP rows select {@code daemon="ptp4l"} and
 * get data only from a fleet with a ptp4l.
 */
public final class DashboardQueries {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One target of one panel. */
  public record Query(String panel, String expr) {

    /** Only a PTP host has data for it. */
    public boolean ptpOnly() {
      return expr.contains("daemon=\"ptp4l\"");
    }
  }

  private DashboardQueries() {}

  /** Every target expression of {@code dashboards/<file>}, rows' panels included. */
  public static List<Query> of(String file) {
    List<Query> out = new ArrayList<>();
    collect(dashboard(file).path("panels"), out);
    return out;
  }

  public static JsonNode dashboard(String file) {
    try {
      return JSON.readTree(
          Files.readString(TestDaemons.repoRoot().resolve("dashboards").resolve(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void collect(JsonNode panels, List<Query> out) {
    for (JsonNode p : panels) {
      collect(p.path("panels"), out); // rows
      for (JsonNode t : p.path("targets")) {
        if (t.hasNonNull("expr")) {
          out.add(new Query(p.path("title").asText(), t.path("expr").asText()));
        }
      }
    }
  }

  /** Grafana's substitution of the dashboard variables and the interval macros. */
  public static String substitute(String expr, Map<String, String> vars) {
    String s = expr.replace("$__rate_interval", "10s").replace("$__interval", "1s");
    s = s.replace("$__range", "1m");
    for (Map.Entry<String, String> v : vars.entrySet()) {
      s = s.replace("${" + v.getKey() + "}", v.getValue()).replace("$" + v.getKey(), v.getValue());
    }
    return s;
  }

  /**
   * The queries of {@code file} that {@code which} selects and that have no data within {@code
   * within}, as "panel: expr"; empty when all have.
   */
  public static List<String> withoutData(
      PrometheusServer prometheus,
      String file,
      Predicate<Query> which,
      Map<String, String> vars,
      Duration within) {
    List<Query> queries = of(file).stream().filter(which).toList();
    assertThat(queries).as(file).isNotEmpty();
    long deadline = System.nanoTime() + within.toNanos();
    List<String> empty = new ArrayList<>();
    for (Query q : queries) {
      String expr = substitute(q.expr(), vars);
      assertThat(expr).as("%s / %s: unsubstituted variable", file, q.panel()).doesNotContain("$");
      while (!hasData(prometheus, expr)) {
        if (System.nanoTime() > deadline) {
          empty.add(q.panel() + ": " + expr);
          break;
        }
        Wait.sleepMillis(500);
      }
    }
    return empty;
  }

  private static boolean hasData(PrometheusServer prometheus, String expr) {
    JsonNode root;
    try {
      root = JSON.readTree(prometheus.api("/api/v1/query", "query", expr));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(root.path("status").asText()).as(expr + ": " + root).isEqualTo("success");
    JsonNode data = root.path("data");
    return data.path("resultType").asText().equals("scalar") || !data.path("result").isEmpty();
  }
}
