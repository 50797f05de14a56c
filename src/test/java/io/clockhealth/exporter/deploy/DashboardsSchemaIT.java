package io.clockhealth.exporter.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.clockhealth.exporter.testing.Exec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * dashboards/*.json against Grafana's published schema ({@code @grafana/schema} from npm),
 * type-checked offline by {@code scripts/check-dashboards.sh}: the dashboard model, every row and
 * panel, each panel's options and field config against its plugin's types, every override, variable
 * and target; and the checker's self-check (a misspelt field and a wrong type are rejected).
 */
class DashboardsSchemaIT {

  private static Exec.Result result;

  @BeforeAll
  static void check() {
    Path script = DeployTools.file("scripts/check-dashboards.sh");
    result = DeployTools.run(Duration.ofMinutes(5), "bash", script.toString());
    System.out.println(result.output());
  }

  @Test
  void everyDashboardFitsGrafanasSchema() {
    assertThat(result.exitCode()).as(result::toString).isZero();
    assertThat(result.output()).contains("dashboards check: PASS").doesNotContain("FAIL ");
  }

  @Test
  void everyPanelTargetAndVariableWasChecked() throws IOException {
    List<Path> dashboards;
    try (Stream<Path> files = Files.list(DeployTools.file("dashboards"))) {
      dashboards = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(dashboards).isNotEmpty();
    String out = result.output();
    for (Path d : dashboards) {
      String name = d.toAbsolutePath().toString();
      assertThat(out).contains("ok   " + name + ": dashboard");
      assertThat(out).containsPattern("ok   \\Q" + name + "\\E: variable \\w+");
      assertThat(out).containsPattern("ok   \\Q" + name + "\\E: panel \\d+ .* options");
      assertThat(out).containsPattern("ok   \\Q" + name + "\\E: panel \\d+ .* target A");
    }
  }
}
