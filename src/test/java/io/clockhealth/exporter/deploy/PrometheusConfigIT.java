package io.clockhealth.exporter.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.clockhealth.exporter.testing.Exec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * deploy/prometheus: {@code promtool check config} (Debian's prometheus 2.42) accepts every file,
 * including the rule files and file_sd target files they reference. The agent → central pipeline
 * runs for real in {@link PrometheusPipelineIT}.
 */
class PrometheusConfigIT {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @ParameterizedTest
  @ValueSource(strings = {"prometheus.yml", "agent.yml", "central.yml"})
  void promtoolCheckConfig(String name) {
    Path file = DeployTools.file("deploy/prometheus/" + name);
    Exec.Result r =
        DeployTools.run(
            Duration.ofSeconds(60),
            DeployTools.prometheusBin("promtool").toString(),
            "check",
            "config",
            file.toString());
    assertThat(r.exitCode()).as(r::toString).isZero();
    assertThat(r.output()).as(r::toString).contains("SUCCESS").doesNotContain("FAILED");
  }

  @Test
  void scrapeConfigHasStaticAndFileTargetsAndTheAlertRules() throws IOException {
    JsonNode p = YAML.readTree(DeployTools.file("deploy/prometheus/prometheus.yml").toFile());
    assertThat(p.path("rule_files").toString()).contains("rules/");
    JsonNode job = p.path("scrape_configs").get(0);
    assertThat(job.path("job_name").asText()).isEqualTo("clock");
    assertThat(job.path("static_configs").get(0).path("targets").get(0).asText())
        .endsWith(":39123");
    assertThat(job.path("file_sd_configs").get(0).path("files").get(0).asText())
        .isEqualTo("targets/*.json");
    JsonNode targets =
        new ObjectMapper()
            .readTree(DeployTools.file("deploy/prometheus/targets/clock.json").toFile());
    assertThat(targets.isArray()).isTrue();
    for (JsonNode group : targets) {
      assertThat(group.path("targets").isArray()).isTrue();
      group.path("targets").forEach(t -> assertThat(t.asText()).matches("[\\w.-]+:39123"));
    }
    // The rule file the configs load is the repository's alerts file, not a copy.
    Path link = DeployTools.repo().resolve("deploy/prometheus/rules/clock-health.rules.yml");
    assertThat(link).isSymbolicLink();
    assertThat(link.toRealPath())
        .isEqualTo(DeployTools.file("alerts/clock-health.rules.yml").toRealPath());
  }

  @Test
  void agentSendsWithAClusterLabelAndHasNoRules() throws IOException {
    JsonNode a = YAML.readTree(DeployTools.file("deploy/prometheus/agent.yml").toFile());
    assertThat(a.path("global").path("external_labels").path("cluster").asText()).isNotEmpty();
    assertThat(a.path("remote_write").get(0).path("url").asText()).endsWith("/api/v1/write");
    assertThat(a.has("rule_files")).as("agent mode rejects rule_files").isFalse();
    assertThat(a.has("alerting")).as("agent mode rejects alerting").isFalse();
  }
}
