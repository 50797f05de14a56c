package io.clockhealth.exporter.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.clockhealth.exporter.testing.Exec;
import io.clockhealth.exporter.testing.TestDaemons;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code promtool check rules} and {@code promtool test rules} (Debian's prometheus package,
 * unpacked by scripts/fetch-test-daemons.sh) over {@code alerts/}: the rule file parses and lints,
 * and every unit test in {@code alerts/tests/*.test.yml} passes. A failure shows promtool's output.
 */
class AlertRulesIT {

  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  static Path rules() {
    return TestDaemons.repoRoot().resolve("alerts/clock-health.rules.yml");
  }

  static List<Path> testFiles() throws IOException {
    try (Stream<Path> s = Files.list(TestDaemons.repoRoot().resolve("alerts/tests"))) {
      return s.filter(p -> p.getFileName().toString().endsWith(".test.yml")).sorted().toList();
    }
  }

  private static Exec.Result promtool(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(TestDaemons.get().promtool().toString());
    cmd.addAll(List.of(args));
    return Exec.run(TIMEOUT, Map.of(), cmd);
  }

  @Test
  void promtoolCheckRules() {
    Exec.Result r = promtool("check", "rules", rules().toString());
    assertThat(r.exitCode()).as(r::toString).isZero();
    assertThat(r.output()).as(r::toString).contains("SUCCESS").doesNotContain("FAILED");
  }

  @Test
  void promtoolTestRules() throws IOException {
    List<Path> files = testFiles();
    assertThat(files).as("alerts/tests/*.test.yml").isNotEmpty();
    List<String> args = new ArrayList<>(List.of("test", "rules"));
    files.forEach(f -> args.add(f.toString()));
    Exec.Result r = promtool(args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r::toString).isZero();
    assertThat(r.output()).as(r::toString).doesNotContain("FAILED");
    // one SUCCESS per file: promtool ran every one of them
    assertThat(r.output().split("SUCCESS", -1).length - 1).as(r::toString).isEqualTo(files.size());
  }
}
