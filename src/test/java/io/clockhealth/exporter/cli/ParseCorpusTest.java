package io.clockhealth.exporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clockhealth.exporter.parse.FixtureFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code parse --format auto} over every tool output we keep as a fixture: each real output is
 * recognised and yields metrics (exit 0); each error output is classified as the tool's error (exit
 * 2, one line on stderr).
 */
class ParseCorpusTest {

  /**
   * Captured outputs of commands the exporter does not read (ntpq associations, peer variables,
   * sysinfo…; chronyc activity, clients, selectdata; busctl; timelines of several commands).
   */
  private static final Pattern NOT_A_FORMAT =
      Pattern.compile(
          ".*(associations|apeers|rv-assoc|sysinfo|kerninfo|sysstats|activity|clients"
              + "|selectdata|busctl|ntpmessage-value|timeline).*");

  static Stream<Path> outputs() throws IOException, URISyntaxException {
    Path root = FixtureFiles.path("corpus").getParent();
    List<Path> dirs =
        List.of(
            root.resolve("corpus/chronyc"),
            root.resolve("corpus/ntpq"),
            root.resolve("corpus/timedatectl"),
            root.resolve("captures/chrony"),
            root.resolve("captures/ntpsec"),
            root.resolve("captures/timesyncd"),
            root.resolve("captures/ptp"));
    return dirs.stream()
        .flatMap(
            dir -> {
              try (Stream<Path> files = Files.list(dir)) {
                return files.filter(f -> f.toString().endsWith(".txt")).sorted().toList().stream();
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            })
        .filter(f -> !NOT_A_FORMAT.matcher(f.getFileName().toString()).matches());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("outputs")
  void autoDetectsAndParsesOrClassifiesTheToolError(Path file) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            new String[] {"parse", "--format", "auto", file.toString()},
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    String name = file.getFileName().toString();
    String stderr = err.toString(StandardCharsets.UTF_8);
    // pmc with no ptp4l behind its socket prints only its requests: its way of failing.
    if (name.startsWith("err-")
        || name.contains("-error-")
        || name.contains("-timeout")
        || name.contains("no-ptp4l-running")) {
      assertThat(code).as(stderr).isEqualTo(2);
      assertThat(stderr.lines()).hasSize(1);
      assertThat(stderr).contains("tool error reply");
    } else {
      assertThat(code).as(stderr).isZero();
      assertThat(stderr).isEmpty();
    }
  }
}
