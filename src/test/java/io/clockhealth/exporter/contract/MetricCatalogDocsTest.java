package io.clockhealth.exporter.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.clockhealth.exporter.metrics.MetricCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The metric catalogue against what users read and run: docs/metrics.md, the alert rules and their
 * promtool tests, and the Grafana dashboards use only catalogued names, and docs/metrics.md
 * documents every catalogued name.
 */
class MetricCatalogDocsTest {

  /**
   * A metric name: {@code clock_} and more, not part of a longer word. A colon before or after
   * makes it part of a recording rule's name ({@code instance:clock_x:count}), which is not a
   * metric the exporter serves.
   */
  private static final Pattern NAME =
      Pattern.compile("(?<![A-Za-z0-9_:$])clock_[a-z0-9_]*[a-z0-9](?![A-Za-z0-9_:])");

  /**
   * Names that look like metrics but are not: {@code clock_role} is the target label that marks a
   * designated time server (README, "Alerts and dashboards"); {@code clock_error} is a {@code flag}
   * label value of {@code clock_kernel_status_flag} (the kernel's STA_CLOCKERR); {@code
   * clock_gettime} is the system call the step detector reads {@code CLOCK_BOOTTIME} with; {@code
   * clock_class} and {@code clock_accuracy} are labels of {@code clock_ptp_grandmaster_info} (PTP's
   * own names for them).
   */
  private static final Set<String> NOT_METRICS =
      Set.of("clock_role", "clock_error", "clock_gettime", "clock_class", "clock_accuracy");

  private static final Set<String> CATALOGUE = Set.copyOf(MetricCatalog.exposedNames());

  @Test
  void catalogueNamesAreUniqueAndInTheNamespace() {
    assertThat(MetricCatalog.exposedNames())
        .doesNotHaveDuplicates()
        .allMatch(n -> n.startsWith("clock_"));
    assertThat(CATALOGUE).allMatch(n -> NAME.matcher(n).matches());
  }

  @Test
  void metricsReferenceDocumentsEveryCataloguedName() throws IOException {
    Set<String> documented = names(read(Path.of("docs/metrics.md")));
    assertThat(new TreeSet<>(CATALOGUE)).isSubsetOf(documented);
  }

  @Test
  void metricsReferenceUsesOnlyCataloguedNames() throws IOException {
    assertThat(unknown(List.of(Path.of("docs/metrics.md")))).isEmpty();
  }

  @Test
  void alertRulesAndTheirTestsUseOnlyCataloguedNames() throws IOException {
    List<Path> files = files(Path.of("alerts"), ".yml");
    assertThat(files).anyMatch(p -> p.endsWith("clock-health.rules.yml"));
    assertThat(files).anyMatch(p -> p.getParent().endsWith("tests"));
    assertThat(unknown(files)).isEmpty();
  }

  @Test
  void dashboardsUseOnlyCataloguedNames() throws IOException {
    List<Path> files = files(Path.of("dashboards"), ".json");
    assertThat(files).isNotEmpty();
    assertThat(unknown(files)).isEmpty();
    for (Path file : files) {
      assertThat(names(read(file))).as(file.toString()).isNotEmpty();
    }
  }

  @Test
  void theScannerSkipsRecordingRulesLabelsAndLongerWords() {
    assertThat(
            names(
                "instance:clock_skew_vs_prometheus_seconds mon_clock_drift_allowed"
                    + " clock_offset_seconds{clock_role=\"x\"} `clock_` max(clock_stratum)"))
        .containsExactly("clock_offset_seconds", "clock_stratum");
  }

  /** Names in the files that the catalogue does not have, with the first file naming each. */
  private static Map<String, Path> unknown(List<Path> files) throws IOException {
    TreeMap<String, Path> unknown = new TreeMap<>();
    for (Path file : files) {
      for (String name : names(read(file))) {
        if (!CATALOGUE.contains(name)) {
          unknown.putIfAbsent(name, file);
        }
      }
    }
    return unknown;
  }

  private static Set<String> names(String text) {
    Set<String> names = new TreeSet<>();
    Matcher m = NAME.matcher(text);
    while (m.find()) {
      if (!NOT_METRICS.contains(m.group())) {
        names.add(m.group());
      }
    }
    return names;
  }

  private static List<Path> files(Path dir, String suffix) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return new ArrayList<>(walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList());
    }
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
