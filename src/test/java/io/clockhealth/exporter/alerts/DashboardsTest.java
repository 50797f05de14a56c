package io.clockhealth.exporter.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clockhealth.exporter.testing.TestDaemons;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shape of {@code dashboards/*.json} that makes them importable into Grafana 10 and later and
 * usable on any Prometheus: a data-source input ({@code __inputs}, {@code ${DS_PROMETHEUS}}),
 * {@code datasource}/{@code cluster}/{@code job}/{@code instance} variables, every panel on the
 * {@code ${datasource}} variable (no hard-coded data-source UID), and every query filtered by the
 * variables. That every query returns data on real daemons is PrometheusEndToEndIT's job.
 */
class DashboardsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode load(String file) throws IOException {
    return JSON.readTree(TestDaemons.repoRoot().resolve("dashboards").resolve(file).toFile());
  }

  static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> out = new ArrayList<>();
    collect(dashboard.path("panels"), out);
    return out;
  }

  private static void collect(JsonNode panels, List<JsonNode> out) {
    for (JsonNode p : panels) {
      out.add(p);
      collect(p.path("panels"), out);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"clock-health-host.json", "clock-health-fleet.json"})
  void importableWithADataSourceInputAndNoHardCodedUid(String file) throws IOException {
    JsonNode d = load(file);
    assertThat(d.path("__inputs")).hasSize(1);
    JsonNode in = d.path("__inputs").get(0);
    assertThat(in.path("name").asText()).isEqualTo("DS_PROMETHEUS");
    assertThat(in.path("type").asText()).isEqualTo("datasource");
    assertThat(in.path("pluginId").asText()).isEqualTo("prometheus");
    assertThat(d.path("__requires").toString()).contains("\"id\":\"grafana\"", "\"version\":\"10");
    assertThat(d.path("id").isNull()).as("id null: a new dashboard on import").isTrue();
    assertThat(d.path("uid").asText()).startsWith("clock-health-");
    assertThat(d.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(36);
    // Every data-source reference is the variable; the variable's default is the input.
    List<String> uids = new ArrayList<>();
    walk(d, "datasource", uids);
    assertThat(uids).isNotEmpty().allMatch(u -> u.equals("${datasource}"));
    assertThat(d.toString().replace("${DS_PROMETHEUS}", ""))
        .as("${DS_PROMETHEUS} only as the datasource variable's default")
        .doesNotContain("DS_PROMETHEUS\"}");
  }

  /** Collects the uid of every object under a key named {@code key}. */
  private static void walk(JsonNode node, String key, List<String> out) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              e -> {
                if (e.getKey().equals(key) && e.getValue().isObject()) {
                  assertThat(e.getValue().path("type").asText()).isEqualTo("prometheus");
                  out.add(e.getValue().path("uid").asText());
                } else {
                  walk(e.getValue(), key, out);
                }
              });
    } else if (node.isArray()) {
      node.forEach(n -> walk(n, key, out));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"clock-health-host.json", "clock-health-fleet.json"})
  void variablesWorkWithAndWithoutAClusterLabel(String file) throws IOException {
    JsonNode vars = load(file).path("templating").path("list");
    List<String> names = new ArrayList<>();
    vars.forEach(v -> names.add(v.path("name").asText()));
    assertThat(names).containsExactly("datasource", "cluster", "job", "instance");
    JsonNode ds = vars.get(0);
    assertThat(ds.path("type").asText()).isEqualTo("datasource");
    assertThat(ds.path("query").asText()).isEqualTo("prometheus");
    assertThat(ds.path("current").path("value").asText()).isEqualTo("${DS_PROMETHEUS}");
    for (JsonNode v : List.of(vars.get(1), vars.get(2), vars.get(3))) {
      assertThat(v.path("type").asText()).isEqualTo("query");
      assertThat(v.path("definition").asText()).startsWith("label_values(clock_time_seconds");
      assertThat(v.path("query").path("query").asText()).isEqualTo(v.path("definition").asText());
    }
    // All = ".*", which also matches series without the label: single-cluster setups.
    JsonNode cluster = vars.get(1);
    assertThat(cluster.path("includeAll").asBoolean()).isTrue();
    assertThat(cluster.path("allValue").asText()).isEqualTo(".*");
    assertThat(cluster.path("current").toString()).contains("$__all");
  }

  @ParameterizedTest
  @ValueSource(strings = {"clock-health-host.json", "clock-health-fleet.json"})
  void everyQueryIsFilteredByTheVariablesAndPanelsFitTheGrid(String file) throws IOException {
    Set<Integer> ids = new HashSet<>();
    for (JsonNode p : panels(load(file))) {
      assertThat(ids.add(p.path("id").asInt())).as("unique id %s", p.path("id")).isTrue();
      JsonNode g = p.path("gridPos");
      assertThat(g.path("x").asInt() + g.path("w").asInt())
          .as(p.path("title").asText())
          .isLessThanOrEqualTo(24);
      if (p.path("type").asText().equals("row")) {
        continue;
      }
      assertThat(p.path("description").asText()).as("%s description", p.path("title")).isNotBlank();
      assertThat(p.path("targets")).as("%s targets", p.path("title")).isNotEmpty();
      for (JsonNode t : p.path("targets")) {
        String expr = t.path("expr").asText();
        if (expr.contains("clock_probe_")) {
          // A time server's series come from the probe job, not $job: they are the chosen
          // instances' by their prober label (the README's ntp-probe job sets it).
          assertThat(expr)
              .as("%s: %s", p.path("title"), expr)
              .contains("cluster=~\"$cluster\"", "prober=~\"$instance\"")
              .doesNotContain("job=~\"$job\"");
          continue;
        }
        assertThat(expr)
            .as("%s: %s", p.path("title"), expr)
            .contains("cluster=~\"$cluster\"", "job=~\"$job\"");
        if (!expr.contains("ALERTS{")) {
          assertThat(expr).as("%s: %s", p.path("title"), expr).contains("instance=~\"$instance\"");
        }
      }
    }
  }

  @org.junit.jupiter.api.Test
  void hostAndFleetHaveThePanelsTheIssueAsksFor() throws IOException {
    List<String> host = titles("clock-health-host.json");
    assertThat(host)
        .contains(
            "Synchronised",
            "Offset",
            "Max error",
            "Offset and max error",
            "Frequency",
            "Stratum",
            "Reference",
            "Sources",
            "Leap status",
            "Skew against Prometheus");
    List<String> fleet = titles("clock-health-fleet.json");
    assertThat(fleet)
        .contains(
            "Every instance",
            "Offset distribution",
            "Unsynchronised hosts",
            "Offset spread per cluster",
            "Worst offenders: |offset|",
            "Time servers",
            "Time server error (server - true)");
    JsonNode sources =
        panels(load("clock-health-host.json")).stream()
            .filter(p -> p.path("type").asText().equals("table"))
            .filter(p -> p.path("title").asText().equals("Sources"))
            .findFirst()
            .orElseThrow();
    assertThat(sources.path("targets").toString())
        .contains("clock_source_state", "clock_source_reachability");
  }

  private static List<String> titles(String file) throws IOException {
    List<String> out = new ArrayList<>();
    panels(load(file)).forEach(p -> out.add(p.path("title").asText()));
    return out;
  }
}
