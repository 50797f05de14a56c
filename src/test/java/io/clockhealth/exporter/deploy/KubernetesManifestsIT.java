package io.clockhealth.exporter.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.clockhealth.exporter.testing.Exec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/kubernetes: {@code scripts/check-kubernetes.sh} (PrometheusRule generated from the alert
 * rules without drift, {@code kubectl kustomize} of the base and the overlays, offline schema and
 * unknown-field validation), then what the rendered objects must say.
 */
class KubernetesManifestsIT {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static List<JsonNode> base;
  private static List<JsonNode> overlay;

  @BeforeAll
  static void checkAndRender() throws IOException {
    Path script = DeployTools.file("scripts/check-kubernetes.sh");
    Exec.Result r = DeployTools.run(Duration.ofMinutes(5), "bash", script.toString());
    System.out.println(r.output());
    assertThat(r.exitCode()).as(r::toString).isZero();
    assertThat(r.output()).contains("kubernetes check: PASS");
    base = objects(DeployTools.file("target/kubernetes/base.yaml"));
    overlay = objects(DeployTools.file("target/kubernetes/overlay-multi-cluster.yaml"));
  }

  private static List<JsonNode> objects(Path file) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (var it = YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
      while (it.hasNext()) {
        JsonNode n = it.next();
        if (n != null && !n.isNull() && !n.isMissingNode()) {
          out.add(n);
        }
      }
    }
    return out;
  }

  private static JsonNode kind(List<JsonNode> objects, String kind) {
    List<JsonNode> k = objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    assertThat(k).as(kind).hasSize(1);
    return k.get(0);
  }

  @Test
  void baseHasTheFourObjects() {
    assertThat(base.stream().map(o -> o.path("kind").asText()))
        .containsExactlyInAnyOrder("DaemonSet", "Service", "ServiceMonitor", "PrometheusRule");
    assertThat(overlay).hasSameSizeAs(base);
  }

  @Test
  void daemonSetRunsLockedDownOnTheHostNetwork() {
    JsonNode pod = kind(base, "DaemonSet").path("spec").path("template").path("spec");
    assertThat(pod.path("hostNetwork").asBoolean()).isTrue();
    assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
    assertThat(pod.path("securityContext").path("runAsUser").asInt()).isEqualTo(10001);
    assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).isFalse();
    JsonNode c = pod.path("containers").get(0);
    JsonNode sc = c.path("securityContext");
    assertThat(sc.path("readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(sc.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
    assertThat(sc.path("capabilities").path("drop").toString()).isEqualTo("[\"ALL\"]");
    assertThat(sc.path("capabilities").has("add")).isFalse();
    assertThat(c.path("args").toString()).contains("--collector.chrony.args=-h 127.0.0.1");
    for (String r : List.of("requests", "limits")) {
      assertThat(c.path("resources").path(r).path("memory").asText()).as(r).matches("\\d+Mi");
      assertThat(c.path("resources").path(r).path("cpu").asText()).as(r).matches("\\d+m");
    }
    // No volume at all: no host path, not even a writable /tmp (the container test runs the
    // image with a read-only root and no /tmp).
    assertThat(pod.has("volumes")).isFalse();
  }

  @Test
  void prometheusRuleCarriesExactlyTheAlertRules() throws IOException {
    JsonNode alerts = YAML.readTree(DeployTools.file("alerts/clock-health.rules.yml").toFile());
    // The generated file itself: the very same groups, value for value.
    JsonNode generated =
        YAML.readTree(DeployTools.file("deploy/kubernetes/base/prometheusrule.yaml").toFile());
    assertThat(generated.path("spec").path("groups")).isEqualTo(alerts.path("groups"));
    // What kustomize renders (and kubectl applies): kustomize re-emits folded block scalars
    // (`expr: >-` with more-indented lines) as literal ones with an extra blank line, so strings
    // are compared with their whitespace runs collapsed; PromQL ignores whitespace.
    JsonNode rule = kind(base, "PrometheusRule");
    assertThat(collapseWhitespace(rule.path("spec").path("groups")))
        .isEqualTo(collapseWhitespace(alerts.path("groups")));
    assertThat(rule.path("metadata").path("namespace").asText()).isEqualTo("monitoring");
  }

  private static JsonNode collapseWhitespace(JsonNode n) {
    if (n.isTextual()) {
      return TextNode.valueOf(n.asText().replaceAll("\\s+", " ").strip());
    }
    if (n.isContainerNode()) {
      JsonNode copy = n.deepCopy();
      if (copy.isArray()) {
        ArrayNode a = (ArrayNode) copy;
        for (int i = 0; i < a.size(); i++) {
          a.set(i, collapseWhitespace(a.get(i)));
        }
      } else {
        ObjectNode o = (ObjectNode) copy;
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        for (String f : names) {
          o.set(f, collapseWhitespace(o.get(f)));
        }
      }
      return copy;
    }
    return n;
  }

  @Test
  void overlayAddsTheClusterLabelAtScrapeTime() {
    JsonNode ep = kind(overlay, "ServiceMonitor").path("spec").path("endpoints").get(0);
    boolean found = false;
    for (JsonNode r : ep.path("relabelings")) {
      if (r.path("targetLabel").asText().equals("cluster")) {
        found = true;
        assertThat(r.path("replacement").asText()).isNotEmpty();
      }
    }
    assertThat(found).as("a relabeling with targetLabel cluster in " + ep).isTrue();
    JsonNode baseEp = kind(base, "ServiceMonitor").path("spec").path("endpoints").get(0);
    assertThat(baseEp.path("relabelings").toString()).doesNotContain("\"cluster\"");
  }

  @Test
  void withTheWebConfigTheProbesNeedNeitherCredentialsNorHttp() throws IOException {
    List<JsonNode> secured = objects(DeployTools.file("target/kubernetes/overlay-web-config.yaml"));
    JsonNode container =
        kind(secured, "DaemonSet")
            .path("spec")
            .path("template")
            .path("spec")
            .path("containers")
            .get(0);
    assertThat(container.path("args").toString()).contains("--web.config.file=");
    for (String probe : List.of("readinessProbe", "livenessProbe")) {
      assertThat(container.path(probe).has("tcpSocket")).as(probe).isTrue();
      assertThat(container.path(probe).has("httpGet")).as(probe).isFalse();
    }
    JsonNode endpoint = kind(secured, "ServiceMonitor").path("spec").path("endpoints").get(0);
    assertThat(endpoint.path("scheme").asText()).isEqualTo("https");
    assertThat(endpoint.has("basicAuth")).isTrue();
  }

  @Test
  void theTimeServersOverlayProbesThroughTheExportersServiceWithTheProbeJobsLabels()
      throws IOException {
    List<JsonNode> objects =
        objects(DeployTools.file("target/kubernetes/overlay-time-servers.yaml"));
    assertThat(objects).hasSize(base.size() + 1);
    JsonNode spec = kind(objects, "Probe").path("spec");
    // the job name the alert rules' comments and the Prometheus config use
    assertThat(spec.path("jobName").asText()).isEqualTo("ntp-probe");
    assertThat(spec.path("module").asText()).isEqualTo("ntp");
    assertThat(spec.path("prober").path("path").asText()).isEqualTo("/probe");
    int port = kind(objects, "Service").path("spec").path("ports").get(0).path("port").asInt();
    assertThat(spec.path("prober").path("url").asText())
        .isEqualTo("clock-health-exporter.monitoring.svc:" + port);
    JsonNode targets = spec.path("targets").path("staticConfig");
    assertThat(targets.path("static").size()).isPositive();
    targets.path("static").forEach(t -> assertThat(t.asText()).matches("[\\w.-]+:123"));
    assertThat(targets.path("labels").path("prober").asText())
        .isEqualTo(spec.path("prober").path("url").asText());
  }
}
