package io.clockhealth.exporter.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.clockhealth.exporter.testing.TestDaemons;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The conventions of {@code alerts/clock-health.rules.yml} that promtool does not check: every
 * alert has a severity, a summary, a description with the measured value and a runbook link; every
 * aggregation and join keeps {@code cluster} and {@code job}; every rule's threshold has a comment;
 * and every alert has promtool tests that show it firing, not firing one evaluation earlier (its
 * {@code for:}), and silent in the healthy fleet.
 */
class AlertRulesTest {

  static final String RUNBOOK =
      "https://github.com/clock-health-exporter/clock-health-exporter/blob/main/docs/runbooks.md";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern AGGREGATION =
      Pattern.compile(
          "\\b(sum|min|max|avg|group|stddev|stdvar|count|count_values|bottomk|topk|quantile)"
              + "\\s*(by|without)?\\s*\\(");
  private static final Pattern LABEL_LIST = Pattern.compile("\\b(by|on)\\s*\\(([^)]*)\\)");

  /** One alert: name, expression, for, labels and annotations. */
  record Alert(String name, String expr, Duration forDuration, JsonNode node) {}

  /** One alert_rule_test entry. */
  record Check(String file, String testName, String alertname, Duration at, int alerts) {}

  static List<Alert> alerts() throws IOException {
    JsonNode root = YAML.readTree(AlertRulesIT.rules().toFile());
    List<Alert> out = new ArrayList<>();
    for (JsonNode group : root.path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        if (rule.has("alert")) {
          out.add(
              new Alert(
                  rule.path("alert").asText(),
                  rule.path("expr").asText(),
                  duration(rule.path("for").asText("0s")),
                  rule));
        }
      }
    }
    return out;
  }

  static List<JsonNode> rules() throws IOException {
    JsonNode root = YAML.readTree(AlertRulesIT.rules().toFile());
    List<JsonNode> out = new ArrayList<>();
    root.path("groups").forEach(g -> g.path("rules").forEach(out::add));
    return out;
  }

  static List<Check> checks() throws IOException {
    List<Check> out = new ArrayList<>();
    for (Path f : AlertRulesIT.testFiles()) {
      JsonNode root = YAML.readTree(f.toFile());
      for (JsonNode test : root.path("tests")) {
        for (JsonNode c : test.path("alert_rule_test")) {
          out.add(
              new Check(
                  f.getFileName().toString(),
                  test.path("name").asText(),
                  c.path("alertname").asText(),
                  duration(c.path("eval_time").asText()),
                  c.path("exp_alerts").size()));
        }
      }
    }
    return out;
  }

  /** A Prometheus duration such as {@code 1h30m} or {@code 90s}. */
  static Duration duration(String text) {
    Matcher m = Pattern.compile("(\\d+)(ms|s|m|h|d|w)").matcher(text);
    Duration d = Duration.ZERO;
    int end = 0;
    while (m.find()) {
      assertThat(m.start()).as("duration %s", text).isEqualTo(end);
      end = m.end();
      long n = Long.parseLong(m.group(1));
      d =
          d.plus(
              switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
              });
    }
    assertThat(end).as("duration %s", text).isEqualTo(text.length()).isPositive();
    return d;
  }

  @Test
  void everyAlertHasSeveritySummaryDescriptionWithValueAndRunbook() throws IOException {
    List<Alert> alerts = alerts();
    assertThat(alerts).hasSizeGreaterThanOrEqualTo(15);
    for (Alert a : alerts) {
      JsonNode labels = a.node().path("labels");
      JsonNode ann = a.node().path("annotations");
      assertThat(labels.path("severity").asText())
          .as("%s severity", a.name())
          .isIn("critical", "warning", "info");
      assertThat(ann.path("summary").asText()).as("%s summary", a.name()).isNotBlank();
      assertThat(ann.path("description").asText())
          .as("%s description states the measured value", a.name())
          .contains("$value");
      assertThat(ann.path("runbook_url").asText())
          .as("%s runbook_url", a.name())
          .isEqualTo(RUNBOOK + "#" + a.name().toLowerCase(Locale.ROOT));
      assertThat(a.forDuration()).as("%s for: (start-up guard)", a.name()).isPositive();
    }
    assertThat(alerts.stream().map(Alert::name).distinct()).hasSameSizeAs(alerts);
  }

  @Test
  void everyAggregationAndJoinKeepsClusterAndJob() throws IOException {
    for (JsonNode rule : rules()) {
      String name = rule.has("alert") ? rule.path("alert").asText() : rule.path("record").asText();
      String expr = rule.path("expr").asText();
      assertThat(expr)
          .as("%s: no `without`/`ignoring`", name)
          .doesNotContain("without", "ignoring");
      Matcher agg = AGGREGATION.matcher(expr);
      while (agg.find()) {
        assertThat(agg.group(2))
            .as("%s: `%s` aggregates with `by`", name, agg.group())
            .isEqualTo("by");
      }
      Matcher lists = LABEL_LIST.matcher(expr);
      while (lists.find()) {
        Set<String> labels = Set.of(lists.group(2).replaceAll("\\s", "").split(","));
        if (labels.equals(Set.of("cluster", "prober"))) {
          // a probed server's series joined to its prober's own: the one join across jobs
          assertThat(name)
              .as("%s: %s joins on the prober", name, lists.group())
              .isEqualTo("instance:clock_probe_server_error_seconds");
          continue;
        }
        assertThat(labels).as("%s: %s", name, lists.group()).contains("cluster", "job");
        if (!labels.contains("instance")) {
          // only the fleet-wide rules aggregate across instances
          assertThat(name)
              .as("%s: %s drops instance", name, lists.group())
              .isIn(
                  "cluster_job:clock_offset_seconds:spread",
                  "ClockExporterAbsent",
                  "ClockTimezoneMismatch");
        }
      }
    }
  }

  @Test
  void everyRuleIsPrecededByACommentGivingItsReason() throws IOException {
    List<String> lines = Files.readAllLines(AlertRulesIT.rules());
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i).trim();
      if (l.startsWith("- alert:") || l.startsWith("- record:")) {
        assertThat(lines.get(i - 1).trim())
            .as("line %d %s: comment above", i + 1, l)
            .startsWith("#");
      }
    }
  }

  @Test
  void everyAlertIsTestedFiringAtItsForDurationNotBeforeAndSilentWhenHealthy() throws IOException {
    List<Check> checks = checks();
    for (Alert a : alerts()) {
      List<Check> mine = checks.stream().filter(c -> c.alertname().equals(a.name())).toList();
      assertThat(mine).as("%s has promtool tests", a.name()).isNotEmpty();
      assertThat(mine)
          .as("%s is silent in healthy.test.yml", a.name())
          .anyMatch(c -> c.file().equals("healthy.test.yml") && c.alerts() == 0);
      // In one test case: firing at t (>= for:), not firing one evaluation (1m) before.
      assertThat(mine)
          .as(
              "%s: fires at some t >= for (%s) and not at t - 1m in the same test",
              a.name(), a.forDuration())
          .anyMatch(
              firing ->
                  firing.alerts() > 0
                      && firing.at().compareTo(a.forDuration()) >= 0
                      && mine.stream()
                          .anyMatch(
                              before ->
                                  before.testName().equals(firing.testName())
                                      && before.file().equals(firing.file())
                                      && before.alerts() == 0
                                      && before.at().equals(firing.at().minusMinutes(1))));
    }
  }

  /** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
  static Set<String> runbookAnchors() throws IOException {
    Set<String> anchors = new java.util.HashSet<>();
    boolean fenced = false;
    for (String line : Files.readAllLines(TestDaemons.repoRoot().resolve("docs/runbooks.md"))) {
      if (line.startsWith("```")) {
        fenced = !fenced;
      } else if (!fenced && line.startsWith("#")) {
        String text = line.replaceFirst("^#+\\s*", "").trim();
        String slug =
            text.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N} _-]", "")
                .replace(' ', '-');
        assertThat(anchors.add(slug)).as("duplicate heading %s", text).isTrue();
      }
    }
    return anchors;
  }

  @Test
  void everyRunbookUrlAndEveryLinkInTheRunbooksHasItsSection() throws IOException {
    Set<String> anchors = runbookAnchors();
    for (Alert a : alerts()) {
      String url = a.node().path("annotations").path("runbook_url").asText();
      assertThat(anchors)
          .as("%s: docs/runbooks.md section for %s", a.name(), url)
          .contains(url.substring(url.indexOf('#') + 1));
    }
    Matcher links =
        Pattern.compile("\\]\\(#([^)]+)\\)")
            .matcher(Files.readString(TestDaemons.repoRoot().resolve("docs/runbooks.md")));
    while (links.find()) {
      assertThat(anchors)
          .as("link #%s in docs/runbooks.md", links.group(1))
          .contains(links.group(1));
    }
  }

  @Test
  void testFilesUseTheRuleFileAndAFixedGroupOrder() throws IOException {
    for (Path f : AlertRulesIT.testFiles()) {
      JsonNode root = YAML.readTree(f.toFile());
      assertThat(root.path("rule_files").get(0).asText()).isEqualTo("../clock-health.rules.yml");
      assertThat(root.path("group_eval_order").toString())
          .as("%s group_eval_order", f)
          .isEqualTo("[\"clock-health.records\",\"clock-health.alerts\"]");
    }
    try (Stream<Path> s = Files.list(TestDaemons.repoRoot().resolve("alerts/tests"))) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .as("only *.test.yml files, so that AlertRulesIT runs them all")
          .allMatch(n -> n.endsWith(".test.yml"));
    }
  }
}
