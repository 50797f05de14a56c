package io.clockhealth.exporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clockhealth.exporter.testing.ScrapedMetrics;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code textfile} through the real command line, writing to a real directory. The chrony collector
 * runs {@code /bin/false} as its chronyc: a real tool that fails, which shows that the collection
 * flags apply and that a failed collection is still written (success 0).
 */
class TextfileCommandTest {

  private static final String[] FAILING_CHRONY = {
    "--collector.chrony",
    "--collector.chrony.path=/bin/false",
    "--no-collector.ntpd",
    "--no-collector.timesyncd",
    "--log.level=error"
  };

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int textfile(Path output, String... more) {
    String[] args = new String[3 + FAILING_CHRONY.length + more.length];
    args[0] = "textfile";
    args[1] = "--output";
    args[2] = output.toString();
    System.arraycopy(FAILING_CHRONY, 0, args, 3, FAILING_CHRONY.length);
    System.arraycopy(more, 0, args, 3 + FAILING_CHRONY.length, more.length);
    return run(args);
  }

  private int run(String... args) {
    return Main.run(
        args,
        new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private List<String> stderrLines() {
    return err.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void writesTheCollectionAsAFileNodeExporterCanRead() throws IOException {
    Path target = dir.resolve("clock-health.prom");
    Files.writeString(target, "previous_run 1\n");
    assertThat(textfile(target)).as(stderrLines().toString()).isZero();
    ScrapedMetrics written = ScrapedMetrics.parse(Files.readString(target));
    assertThat(written.valueOf("clock_scrape_collector_success", "collector", "chrony"))
        .isEqualTo(0.0);
    assertThat(written.has("clock_time_seconds")).isTrue();
    assertThat(written.has("previous_run")).isFalse();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
        .isEqualTo("rw-r--r--");
    assertThat(names()).containsExactly("clock-health.prom");
    assertThat(out.size()).as("nothing on stdout").isZero();
  }

  @Test
  void aMissingDirectoryIsOneLineNamingIt() {
    Path missing = dir.resolve("no-such-dir");
    assertThat(textfile(missing.resolve("clock-health.prom"))).isEqualTo(ExitCodes.FAILURE);
    assertThat(stderrLines())
        .containsExactly(
            "textfile: cannot write "
                + missing.resolve("clock-health.prom")
                + ": output directory "
                + missing
                + " does not exist");
    assertThat(Files.exists(missing)).isFalse();
  }

  @Test
  void anOutputThatIsADirectoryIsLeftAlone() throws IOException {
    Path target = Files.createDirectory(dir.resolve("clock-health.prom"));
    assertThat(textfile(target)).isEqualTo(ExitCodes.FAILURE);
    assertThat(stderrLines())
        .containsExactly("textfile: cannot write " + target + ": it is a directory");
    assertThat(Files.isDirectory(target)).isTrue();
    assertThat(names()).containsExactly("clock-health.prom");
  }

  @Test
  void aNameNodeExporterWouldIgnoreIsBadUsage() throws IOException {
    assertThat(textfile(dir.resolve("clock-health.txt"))).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(stderrLines()).singleElement().asString().contains("*.prom");
    assertThat(names()).isEmpty();
  }

  @Test
  void collectionFlagsBeforeTheSubcommandAreRefusedNotIgnored() throws IOException {
    int code =
        run(
            "--collector.chrony.args=-h 127.0.0.1",
            "textfile",
            "--output",
            dir.resolve("clock-health.prom").toString());
    assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(stderrLines())
        .containsExactly(
            "clock-health-exporter: --collector.chrony.args must follow the subcommand:"
                + " textfile [options]");
    assertThat(names()).isEmpty();
  }

  @Test
  void helpListsTheOutputAndTheCollectionFlags() {
    assertThat(run("textfile", "--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("--output=DIR/NAME.prom")
        .contains("--[no-]collector.chrony")
        .contains("--collector.chrony.args")
        .contains("--config.file")
        .doesNotContain("--web.listen-address");
  }

  private List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
