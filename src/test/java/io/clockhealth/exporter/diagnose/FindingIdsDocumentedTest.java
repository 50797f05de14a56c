package io.clockhealth.exporter.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import io.clockhealth.exporter.testing.TestDaemons;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/doctor.md is the list of finding ids scripts may match: every id the engine can give is in
 * its table, and the table names no id the engine lacks.
 */
class FindingIdsDocumentedTest {

  /**
   * An id is the first argument of a Finding (one literal, or a choice of two by severity), or one
   * of the two ids given to PeerFindings.far.
   */
  private static final Pattern IN_CODE =
      Pattern.compile(
          "(?:new Finding\\(|far\\()\\s*(?:\\w+ \\? )?\"([a-z0-9-]+)\"(?:(?:,| :)\\s*\"([a-z0-9-]+)\")?");

  private static final Pattern IN_TABLE = Pattern.compile("(?m)^\\| `([a-z0-9-]+)` \\|");

  @Test
  void everyFindingIdIsDocumentedAndEveryDocumentedIdExists() throws IOException {
    Set<String> code = new TreeSet<>();
    Path dir = TestDaemons.repoRoot().resolve("src/main/java/io/clockhealth/exporter/diagnose");
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = IN_CODE.matcher(Files.readString(f, StandardCharsets.UTF_8));
        while (m.find()) {
          code.add(m.group(1));
          if (m.group(2) != null) {
            code.add(m.group(2));
          }
        }
      }
    }
    Set<String> documented = new TreeSet<>();
    Matcher m =
        IN_TABLE.matcher(
            Files.readString(
                TestDaemons.repoRoot().resolve("docs/doctor.md"), StandardCharsets.UTF_8));
    while (m.find()) {
      documented.add(m.group(1));
    }
    assertThat(code).as("ids found in the engine").hasSizeGreaterThan(30);
    assertThat(documented).isEqualTo(code);
  }
}
