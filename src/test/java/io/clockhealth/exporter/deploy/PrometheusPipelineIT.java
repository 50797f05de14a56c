package io.clockhealth.exporter.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.clockhealth.exporter.testing.Chronyd;
import io.clockhealth.exporter.testing.ExporterProcess;
import io.clockhealth.exporter.testing.LoopbackRanges;
import io.clockhealth.exporter.testing.PrometheusServer;
import io.clockhealth.exporter.testing.ScrapedMetrics;
import io.clockhealth.exporter.testing.TestDaemons;
import io.clockhealth.exporter.testing.TestFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agent → central pipeline of deploy/prometheus, for real, on loopback: a chronyd ({@code local
 * stratum 10}), the exporter run with the JVM flags of deploy/systemd's environment file, a
 * Prometheus in agent mode started from {@code agent.yml} and a central Prometheus with the
 * remote-write receiver started from {@code central.yml}. Only what cannot work on loopback is
 * changed in the two files (targets, the receiver's URL, listen addresses, shorter intervals);
 * {@code external_labels}, {@code write_relabel_configs} and {@code rule_files} are theirs.
 *
 * <p>Loopback addresses and ports: {@link LoopbackRanges#PROMETHEUS_PIPELINE_IT} (central on the
 * first address and port, agent on the second).
 */
class PrometheusPipelineIT {

  private static final LoopbackRanges RANGE = LoopbackRanges.PROMETHEUS_PIPELINE_IT;
  private static final String CENTRAL = RANGE.hostPort(0);
  private static final String AGENT = RANGE.hostPort(1);
  private static final Duration ARRIVE = Duration.ofSeconds(60);
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Chronyd chronyd;
  private static ExporterProcess exporter;
  private static PrometheusServer central;
  private static PrometheusServer agent;
  private static String cluster;
  private static Path dir;

  @BeforeAll
  static void startPipeline() throws IOException {
    dir = TestDaemons.targetDir().resolve("it-daemons").resolve("PrometheusPipelineIT");
    TestFiles.deleteRecursively(dir);
    Files.createDirectories(dir);
    Path prom = DeployTools.file("deploy/prometheus");

    chronyd =
        Chronyd.builder(PrometheusPipelineIT.class, "node")
            .config("local stratum 10", "port 0")
            .start();
    // The exporter as the systemd unit runs it: the environment file's JVM flags.
    Map<String, String> env =
        DeployTools.environmentFile(DeployTools.file("deploy/systemd/clock-health-exporter.env"));
    exporter =
        ExporterProcess.forChronyd(PrometheusPipelineIT.class, chronyd)
            .env("JAVA_TOOL_OPTIONS", env.get("JAVA_OPTS"))
            .start();

    // central.yml: rule_files made absolute, faster evaluation, its self-scrape on loopback.
    ObjectNode c = (ObjectNode) YAML.readTree(prom.resolve("central.yml").toFile());
    ((ObjectNode) c.get("global")).put("evaluation_interval", "1s");
    ArrayNode rules = (ArrayNode) c.get("rule_files");
    assertThat(rules).as("central.yml rule_files").isNotEmpty();
    for (int i = 0; i < rules.size(); i++) {
      rules.set(i, prom.resolve(rules.get(i).asText()).toString());
    }
    for (JsonNode sc : c.withArray("scrape_configs")) {
      for (JsonNode st : sc.withArray("static_configs")) {
        ((ObjectNode) st).set("targets", JSON.createArrayNode().add(CENTRAL));
      }
    }
    Path centralYml = dir.resolve("central.yml");
    YAML.writeValue(centralYml.toFile(), c);

    // agent.yml: scrape this exporter, send to this central server, faster.
    ObjectNode a = (ObjectNode) YAML.readTree(prom.resolve("agent.yml").toFile());
    ObjectNode global = (ObjectNode) a.get("global");
    cluster = global.path("external_labels").path("cluster").asText();
    assertThat(cluster).as("agent.yml global.external_labels.cluster").isNotEmpty();
    global.put("scrape_interval", "1s");
    assertThat(a.has("rule_files") || a.has("alerting")).as("agent mode has no rules").isFalse();
    JsonNode job = null;
    for (JsonNode sc : a.withArray("scrape_configs")) {
      if (sc.path("job_name").asText().equals("clock")) {
        job = sc;
      }
    }
    assertThat(job).as("agent.yml has a scrape job 'clock'").isNotNull();
    ObjectNode j = (ObjectNode) job;
    j.put("scrape_interval", "1s");
    j.put("scrape_timeout", "1s");
    j.remove("file_sd_configs");
    j.set(
        "static_configs",
        JSON.createArrayNode()
            .add(
                JSON.createObjectNode()
                    .set("targets", JSON.createArrayNode().add("127.0.0.1:" + exporter.port()))));
    ArrayNode rw = a.withArray("remote_write");
    assertThat(rw).as("agent.yml remote_write").hasSize(1);
    ObjectNode w = (ObjectNode) rw.get(0);
    w.put("url", "http://" + CENTRAL + "/api/v1/write");
    w.withObjectProperty("queue_config").put("batch_send_deadline", "1s");
    Path agentYml = dir.resolve("agent.yml");
    YAML.writeValue(agentYml.toFile(), a);

    central =
        PrometheusServer.startAt(
            PrometheusPipelineIT.class,
            "central",
            CENTRAL,
            List.of(
                "--config.file=" + centralYml,
                "--storage.tsdb.path=" + dir.resolve("central-data"),
                "--web.enable-remote-write-receiver"));
    agent =
        PrometheusServer.startAt(
            PrometheusPipelineIT.class,
            "agent",
            AGENT,
            List.of(
                "--enable-feature=agent",
                "--config.file=" + agentYml,
                "--storage.agent.path=" + dir.resolve("agent-wal")));
  }

  @AfterAll
  static void stopPipeline() {
    Stream.of(agent, central).filter(p -> p != null).forEach(PrometheusServer::close);
    if (exporter != null) {
      exporter.close();
    }
    if (chronyd != null) {
      chronyd.stop();
    }
  }

  @Test
  void centralReceivesTheClockMetricsWithTheClusterLabelAndEvaluatesTheAlertRules()
      throws IOException {
    ScrapedMetrics direct =
        exporter.awaitScrape(
            Duration.ofSeconds(20),
            m ->
                assertThat(m.valueOf("clock_scrape_collector_success", "collector", "chrony"))
                    .isEqualTo(1.0));
    assertThat(direct.valueOf("clock_stratum", "daemon", "chrony")).isEqualTo(10.0);

    long t0 = System.nanoTime();
    JsonNode[] series = new JsonNode[1];
    await("clock_stratum with cluster=" + cluster + " on the central Prometheus")
        .atMost(ARRIVE)
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              JsonNode r =
                  JSON.readTree(query("clock_stratum{daemon=\"chrony\",job=\"clock\"}"))
                      .path("data")
                      .path("result");
              assertThat(r.size()).as("series\n" + agent.logTail(40)).isEqualTo(1);
              series[0] = r.get(0);
            });
    Instant arrived = Instant.now();
    System.out.printf(
        "agent -> central: first clock_stratum after %d ms: %s%n",
        Duration.ofNanos(System.nanoTime() - t0).toMillis(), series[0]);
    assertThat(series[0].path("metric").path("cluster").asText()).isEqualTo(cluster);
    assertThat(series[0].path("value").get(1).asText()).isEqualTo("10");

    // The agent's write_relabel_configs keep clock_* and up, nothing else of the exporter's.
    JsonNode up = JSON.readTree(query("up{job=\"clock\"}")).path("data").path("result");
    assertThat(up).hasSize(1);
    assertThat(up.get(0).path("metric").path("cluster").asText()).isEqualTo(cluster);
    assertThat(up.get(0).path("value").get(1).asText()).isEqualTo("1");
    // (Names with a colon are the central's own recording rules, and ALERTS/ALERTS_FOR_STATE
    // its own alert state, both evaluated on what arrived.)
    JsonNode other =
        JSON.readTree(
                query(
                    "count({job=\"clock\","
                        + "__name__!~\"clock_.*|up|scrape_.*|.+:.+|ALERTS|ALERTS_FOR_STATE\"})"))
            .path("data")
            .path("result");
    assertThat(other).as("series other than clock_*/up/scrape_* reached the central").isEmpty();
    JsonNode noCluster =
        JSON.readTree(query("count({job=\"clock\",cluster=\"\"})")).path("data").path("result");
    assertThat(noCluster).as("series without the cluster label").isEmpty();

    // Rules: every group of the alert rule files evaluated after the metrics arrived, all ok.
    Set<String> expected = ruleGroupNames();
    assertThat(expected).as("rule groups in the central's rule_files").isNotEmpty();
    JsonNode[] groups = new JsonNode[1];
    await("every rule group evaluated with health ok after the metrics arrived")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              JsonNode g = JSON.readTree(central.get("/api/v1/rules")).path("data").path("groups");
              Set<String> names = new TreeSet<>();
              for (JsonNode group : g) {
                names.add(group.path("name").asText());
                Instant last = Instant.parse(group.path("lastEvaluation").asText());
                assertThat(last).as(group.path("name").asText()).isAfter(arrived);
                for (JsonNode rule : group.path("rules")) {
                  assertThat(rule.path("health").asText())
                      .as(rule.path("name").asText() + ": " + rule.path("lastError").asText())
                      .isEqualTo("ok");
                }
              }
              assertThat(names).isEqualTo(expected);
              groups[0] = g;
            });
    int rulesCount = 0;
    for (JsonNode group : groups[0]) {
      rulesCount += group.path("rules").size();
    }
    // Recording rules produced series from the remote-written data, with its cluster label.
    int recorded = 0;
    for (JsonNode group : groups[0]) {
      for (JsonNode rule : group.path("rules")) {
        if (rule.path("type").asText().equals("recording")) {
          JsonNode r =
              JSON.readTree(query(rule.path("name").asText() + "{cluster=\"" + cluster + "\"}"))
                  .path("data")
                  .path("result");
          recorded += r.size();
        }
      }
    }
    // And alert rules matched it: this chronyd follows its own clock (local stratum 10) on a
    // target not marked as a time server, which the rules flag (pending: it has a for:).
    JsonNode[] alerts = new JsonNode[1];
    await("an alert from the remote-written series, with their cluster label")
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              alerts[0] = JSON.readTree(central.get("/api/v1/alerts")).path("data").path("alerts");
              List<String> ours = new ArrayList<>();
              for (JsonNode al : alerts[0]) {
                if (al.path("labels").path("cluster").asText().equals(cluster)
                    && al.path("labels").path("job").asText().equals("clock")) {
                  ours.add(al.path("labels").path("alertname").asText());
                }
              }
              assertThat(ours).as("alerts on central: " + alerts[0]).isNotEmpty();
            });
    System.out.printf(
        "central: %d groups, %d rules evaluated, health ok; %d series from recording rules;"
            + " alerts: %s%n",
        groups[0].size(), rulesCount, recorded, alerts[0]);
    assertThat(recorded).as("series from recording rules with cluster=" + cluster).isPositive();
    long rss = rssKb(exporter.pid());
    System.out.printf("exporter (systemd JVM flags) RSS after the pipeline ran: %d kB%n", rss);
    assertThat(exporter.isAlive()).isTrue();
  }

  /** GET /api/v1/query?query=… on the central Prometheus; the JSON body. */
  private static String query(String promql) {
    return central.api("/api/v1/query", "query", promql);
  }

  /** The group names of every rule file central.yml's rule_files match. */
  private static Set<String> ruleGroupNames() throws IOException {
    Set<String> names = new TreeSet<>();
    JsonNode c = YAML.readTree(DeployTools.file("deploy/prometheus/central.yml").toFile());
    Path prom = DeployTools.file("deploy/prometheus");
    for (JsonNode pattern : c.path("rule_files")) {
      Path p = prom.resolve(pattern.asText());
      var matcher = p.getFileSystem().getPathMatcher("glob:" + p);
      List<Path> files = new ArrayList<>();
      try (Stream<Path> s = Files.list(p.getParent())) {
        s.filter(matcher::matches).forEach(files::add);
      }
      assertThat(files).as("files matching " + p).isNotEmpty();
      for (Path f : files) {
        for (JsonNode g : YAML.readTree(f.toFile()).path("groups")) {
          names.add(g.path("name").asText());
        }
      }
    }
    return names;
  }

  private static long rssKb(long pid) {
    try {
      for (String l : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (l.startsWith("VmRSS:")) {
          return Long.parseLong(l.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return -1;
  }
}
