package io.clockhealth.exporter.faults;

import static io.clockhealth.exporter.faults.FaultChecks.TIMEOUT;
import static io.clockhealth.exporter.faults.FaultChecks.assertFailedWithoutValues;
import static io.clockhealth.exporter.faults.FaultChecks.assertHealthy;
import static io.clockhealth.exporter.faults.FaultChecks.assertNothingLeft;
import static io.clockhealth.exporter.faults.FaultChecks.assertOneWarning;
import static io.clockhealth.exporter.faults.FaultChecks.chronyOnly;
import static io.clockhealth.exporter.faults.FaultChecks.logMark;
import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.clockhealth.exporter.config.ExporterSettings;
import io.clockhealth.exporter.parse.FixtureFiles;
import io.clockhealth.exporter.parse.Fixtures;
import io.clockhealth.exporter.testing.ExporterProcess;
import io.clockhealth.exporter.testing.ScrapedMetrics;
import io.clockhealth.exporter.testing.TestDaemons;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Faults of the tool itself, against the real exporter jar: chronyc disappears, loses its execute
 * bit, prints 10 MB of garbage, or prints invalid UTF-8. No daemon and no network: the chronyc is a
 * script that answers from canned {@code chronyc -c} captures until the test switches it to a
 * fault, so every test first sees a healthy scrape and then checks that nothing of it survives.
 *
 * <p>Each fault must give HTTP 200 within the timeout, {@code
 * clock_scrape_collector_success{collector="chrony"} 0}, no chrony value, exactly one WARN line
 * naming the command and the reason (later scrapes with the same reason log at DEBUG), and no
 * process of the tool left running.
 */
class ChronycFaultsIT {

  private static final int TEN_MB = 10 << 20;

  /**
   * Sources in the "many" output: with their sourcestats rows, just under both output caps (16,384
   * lines, 1 MiB), eight times the source cap.
   */
  private static final int MANY_SOURCES = 8_000;

  private static final int CONCURRENT_SCRAPES = 64;

  /** The one chronyc call of a collection, as the WARN line names it. */
  static final String BATCH =
      "-m -n -c tracking sources sourcestats activity selectdata ntpdata authdata serverstats";

  private final String marker = "clock-it-fault-" + UUID.randomUUID();
  private Path dir;
  private Path chronyc;

  @BeforeEach
  void fakeChronyc() throws IOException {
    dir = TestDaemons.targetDir().resolve("it-daemons/ChronycFaultsIT").resolve(marker);
    Files.createDirectories(dir);
    Path captures = FixtureFiles.path(Fixtures.CHRONYC.capturesDir());
    for (String report :
        List.of("tracking", "sources", "sourcestats", "activity", "selectdata", "ntpdata")) {
      copy(captures.resolve("depth-C-c-" + report + ".txt"), report);
    }
    copy(captures.resolve("depth-C-c-authdata-a.txt"), "authdata");
    copy(captures.resolve("depth-A-c-serverstats.txt"), "serverstats");
    // 10 MB of random bytes: NULs, control characters, invalid UTF-8, no line structure.
    byte[] garbage = new byte[TEN_MB];
    new Random(42).nextBytes(garbage);
    Files.write(dir.resolve("garbage.out"), garbage);
    // Lines that are not UTF-8 at all: lone continuation bytes, overlong and truncated sequences.
    Files.write(
        dir.resolve("invalid-utf8.out"),
        new byte[] {
          (byte) 0xff,
          (byte) 0xfe,
          'R',
          'e',
          'f',
          ' ',
          ':',
          ' ',
          (byte) 0xc3,
          (byte) 0x28,
          '\n',
          (byte) 0xa0,
          (byte) 0xa1,
          ',',
          (byte) 0xe2,
          (byte) 0x28,
          (byte) 0xa1,
          ',',
          '1',
          '\n',
          (byte) 0xf0,
          (byte) 0x90,
          (byte) 0x28,
          (byte) 0xbc,
          ',',
          (byte) 0xc0,
          (byte) 0xaf,
          '\n'
        });
    // Just under --collector.max-output-bytes (1 MiB): 520,000 lines of "x".
    Files.writeString(dir.resolve("short-lines.out"), "x\n".repeat(520_000));
    writeManySources(MANY_SOURCES);
    // A sleep whose command line carries the marker, for the processes the tool leaves behind.
    Files.createSymbolicLink(dir.resolve("sleeper"), Path.of("/bin/sleep"));
    setMode("good");
    chronyc =
        FaultChecks.script(
            dir.resolve("chronyc"),
            "# fake chronyc of "
                + marker
                + ": canned chronyc -m -c output (each command after -c in turn), or the fault"
                + " named in ./mode\n"
                + "dir='"
                + dir
                + "'\n"
                + "while [ $# -gt 0 ] && [ \"$1\" != -c ]; do shift; done; shift\n"
                + "case $(cat \"$dir/mode\") in\n"
                + "  good) for c; do cat \"$dir/$c.out\"; done; exit 0 ;;\n"
                + "  many) cat \"$dir/tracking.out\" \"$dir/many.out\" \"$dir/activity.out\""
                + " \"$dir/selectdata.out\" \"$dir/ntpdata.out\" \"$dir/authdata.out\""
                + " \"$dir/serverstats.out\"; exit 0 ;;\n"
                + "  leave) for c; do cat \"$dir/$c.out\"; done; \"$dir/sleeper\" 606 & exit 0 ;;\n"
                + "  leave-closed) for c; do cat \"$dir/$c.out\"; done\n"
                + "    \"$dir/sleeper\" 606 </dev/null >/dev/null 2>&1 & exit 0 ;;\n"
                + "  detach) for c; do cat \"$dir/$c.out\"; done\n"
                + "    ( setsid \"$dir/sleeper\" 607 & ); exit 0 ;;\n"
                + "  detach-hang) ( setsid \"$dir/sleeper\" 604 & ); exec \"$dir/sleeper\" 605 ;;\n"
                + "  garbage) exec cat \"$dir/garbage.out\" ;;\n"
                + "  invalid-utf8) exec cat \"$dir/invalid-utf8.out\" ;;\n"
                + "  short-lines) exec cat \"$dir/short-lines.out\" ;;\n"
                + "esac\n"
                + "exit 3\n");
  }

  @AfterEach
  void killLeftovers() {
    FaultChecks.killMarked(marker);
  }

  @Test
  void toolRemovedWhileRunning() throws IOException {
    try (ExporterProcess exporter = healthyExporter("removed")) {
      int mark = logMark(exporter);
      Files.delete(chronyc);
      assertFaultReported(exporter, mark, "executable not found");
    }
  }

  @Test
  void toolMissingFromStart() {
    Path missing = dir.resolve("no-such-chronyc");
    try (ExporterProcess exporter =
        ExporterProcess.builder(ChronycFaultsIT.class, "missing")
            .args(chronyOnly(missing))
            .start()) {
      int mark = logMark(exporter);
      for (int i = 0; i < 3; i++) {
        assertFailedWithoutValues(exporter, exporter.scrape());
      }
      assertOneWarning(exporter, mark, missing + " " + BATCH, "executable not found");
      assertNothingLeft(marker, exporter.pid());
    }
  }

  @Test
  void toolLosesExecutePermission() throws IOException {
    try (ExporterProcess exporter = healthyExporter("not-executable")) {
      int mark = logMark(exporter);
      Files.setPosixFilePermissions(chronyc, PosixFilePermissions.fromString("rw-r--r--"));
      assertFaultReported(exporter, mark, "not executable");
    }
  }

  @Test
  void toolPrintsTenMegabytesOfGarbage() throws IOException {
    try (ExporterProcess exporter = healthyExporter("garbage")) {
      int mark = logMark(exporter);
      setMode("garbage");
      assertFaultReported(exporter, mark, "printed more than 1048576 bytes");
    }
  }

  @Test
  void toolPrintsInvalidUtf8() throws IOException {
    try (ExporterProcess exporter = healthyExporter("invalid-utf8")) {
      int mark = logMark(exporter);
      setMode("invalid-utf8");
      assertFaultReported(exporter, mark, "printed unparseable output");
    }
  }

  /**
   * Output under the size cap, but 520,000 lines: with the JVM flags the exporter ships with
   * (Dockerfile, systemd unit: -Xmx48m, ExitOnOutOfMemoryError) the parse must not run the heap out
   * and kill the exporter.
   */
  @Test
  void toolPrintsHalfAMillionShortLinesUnderTheSizeCap() throws IOException {
    try (ExporterProcess exporter =
        healthyExporter("short-lines", ExporterProcess.shippedJvmFlags())) {
      int mark = logMark(exporter);
      setMode("short-lines");
      for (int i = 0; i < 3; i++) {
        assertThat(exporter.isAlive()).as("exporter alive\n%s", exporter.log()).isTrue();
        assertFailedWithoutValues(exporter, exporter.scrape());
      }
      assertOneWarning(exporter, mark, chronyc + " " + BATCH, "lines; output discarded");
      assertNothingLeft(marker, exporter.pid());
    }
  }

  /**
   * The review's finding 10: a valid output within the caps with thousands of sources, scraped by
   * 64 clients at once, with the shipped JVM flags (-Xmx48m, ExitOnOutOfMemoryError). Before the
   * source cap and the shared exposition, 1,000 sources at 20 clients ended the JVM. Now every
   * scrape answers, with the first --collector.max-sources sources, one WARN saying so, and the
   * collection a success.
   */
  @Test
  void thousandsOfSourcesScrapedConcurrentlyUnderTheShippedHeap() throws Exception {
    try (ExporterProcess exporter = healthyExporter("many", ExporterProcess.shippedJvmFlags())) {
      int mark = logMark(exporter);
      setMode("many");
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      HttpRequest request =
          HttpRequest.newBuilder(exporter.baseUri().resolve("/metrics"))
              .timeout(Duration.ofSeconds(30))
              .build();
      for (int round = 0; round < 3; round++) {
        List<CompletableFuture<HttpResponse<String>>> scrapes = new ArrayList<>();
        for (int i = 0; i < CONCURRENT_SCRAPES; i++) {
          scrapes.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> scrape : scrapes) {
          HttpResponse<String> response = scrape.join();
          assertThat(response.statusCode()).as("status\n%s", exporter.log()).isEqualTo(200);
          ScrapedMetrics m = ScrapedMetrics.parse(response.body());
          assertHealthy(m);
          assertThat(m.matching("clock_source_reachability", "daemon", "chrony"))
              .hasSize(ExporterSettings.DEFAULT_MAX_SOURCES);
        }
        assertThat(exporter.isAlive()).as("exporter alive\n%s", exporter.log()).isTrue();
      }
      assertThat(FaultChecks.warningsSince(exporter, mark))
          .as("warnings")
          .singleElement(as(InstanceOfAssertFactories.STRING))
          .contains("reported " + MANY_SOURCES + " sources", "first 1000");
    }
  }

  /**
   * A tool that exits normally but leaves children running, holding its pipes or not, or detached
   * into a session of their own: every scrape stays healthy and quick, and each scrape's leftovers
   * are gone before the next one (killed and reaped: no zombie either), with one log line per
   * command saying so.
   */
  @ParameterizedTest
  @ValueSource(strings = {"leave", "leave-closed", "detach"})
  void processesAToolLeavesBehindAreEnded(String mode) throws IOException {
    try (ExporterProcess exporter = healthyExporter(mode)) {
      int mark = logMark(exporter);
      setMode(mode);
      for (int i = 0; i < 3; i++) {
        ScrapedMetrics m = exporter.scrape();
        assertHealthy(m);
        assertThat(m.elapsed()).as("scrape duration").isLessThan(TIMEOUT);
        assertNothingLeft(marker, exporter.pid());
        assertThat(ProcessTree.zombieChildren(exporter.pid())).as("zombie children").isEmpty();
      }
      assertThat(FaultChecks.warningsSince(exporter, mark)).isEmpty();
      assertThat(exporter.log().lines().filter(l -> l.contains("it left behind")).toList())
          .as("log lines about leftovers\n%s", exporter.log())
          .hasSize(1)
          .allMatch(l -> l.contains("after running " + chronyc));
    }
  }

  /**
   * The review's finding 8: a tool that hangs after detaching a grandchild with {@code setsid} (out
   * of reach of the process tree, holding the pipes): each scrape still ends at the timeout,
   * nothing is left running, and no thread is left waiting on the pipes.
   */
  @Test
  void toolThatHangsAfterDetachingAGrandchild() throws IOException {
    try (ExporterProcess exporter = healthyExporter("detach-hang")) {
      int mark = logMark(exporter);
      setMode("detach-hang");
      assertFailedWithoutValues(exporter, exporter.scrape());
      long threads = ProcessTree.threads(exporter.pid());
      for (int i = 0; i < 4; i++) {
        assertFailedWithoutValues(exporter, exporter.scrape());
      }
      assertOneWarning(exporter, mark, chronyc + " " + BATCH, "timed out");
      assertNothingLeft(marker, exporter.pid());
      assertThat(ProcessTree.zombieChildren(exporter.pid())).as("zombie children").isEmpty();
      assertThat(ProcessTree.threads(exporter.pid()))
          .as("threads after four more scrapes")
          // Jetty's pool may start a request thread more; the leak was 12 threads per scrape.
          .isLessThanOrEqualTo(threads + 2);
    }
  }

  /** Three scrapes during the fault, one WARN line for all of them, nothing left running. */
  private void assertFaultReported(ExporterProcess exporter, int mark, String reason) {
    for (int i = 0; i < 3; i++) {
      assertFailedWithoutValues(exporter, exporter.scrape());
    }
    assertOneWarning(exporter, mark, chronyc + " " + BATCH, reason);
    assertNothingLeft(marker, exporter.pid());
  }

  private ExporterProcess healthyExporter(String name) {
    return healthyExporter(name, null);
  }

  private ExporterProcess healthyExporter(String name, String jvmFlags) {
    ExporterProcess.Builder builder =
        ExporterProcess.builder(ChronycFaultsIT.class, name).args(chronyOnly(chronyc));
    if (jvmFlags != null) {
      builder.env("JAVA_TOOL_OPTIONS", jvmFlags);
    }
    ExporterProcess exporter = builder.start();
    try {
      exporter.awaitScrape(Duration.ofSeconds(10), FaultChecks::assertHealthy);
      assertHealthy(exporter.scrape());
      return exporter;
    } catch (RuntimeException | Error e) {
      exporter.close();
      throw e;
    }
  }

  /** chronyc -c sources and sourcestats rows of {@code count} distinct sources. */
  private void writeManySources(int count) throws IOException {
    StringBuilder sources = new StringBuilder();
    StringBuilder stats = new StringBuilder();
    for (int i = 0; i < count; i++) {
      String address = "10.0." + (i / 250) + "." + (i % 250 + 1);
      sources
          .append(i == 0 ? "^,*," : "^,+,")
          .append(address)
          .append(",2,6,377,12,0.000001175,0.000001198,0.000004071\n");
      stats.append(address).append(",19,11,4,-0.017,0.213,-0.000000876,0.000000315\n");
    }
    Files.writeString(dir.resolve("many.out"), sources.append(stats), StandardCharsets.UTF_8);
  }

  private void copy(Path capture, String command) throws IOException {
    Files.copy(capture, dir.resolve(command + ".out"), StandardCopyOption.REPLACE_EXISTING);
  }

  private void setMode(String mode) throws IOException {
    Files.writeString(dir.resolve("mode"), mode + "\n", StandardCharsets.UTF_8);
  }
}
