package io.clockhealth.exporter.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.clockhealth.exporter.testing.Chronyd;
import io.clockhealth.exporter.testing.Exec;
import io.clockhealth.exporter.testing.ExporterProcess;
import io.clockhealth.exporter.testing.LoopbackRanges;
import io.clockhealth.exporter.testing.NodeExporter;
import io.clockhealth.exporter.testing.ScrapedMetrics;
import io.clockhealth.exporter.testing.TestDaemons;
import io.clockhealth.exporter.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Textfile mode with Debian's real node_exporter: the built jar's {@code textfile} subcommand (with
 * the JVM flags of the shipped environment file) collects from a real chronyd and writes into the
 * directory that node_exporter's textfile collector (and nothing else) reads.
 *
 * <p>While the exporter writes, a watcher scrapes node_exporter every few milliseconds: every
 * scrape must show exactly our one file, parsed without error and whole (the previous or the new
 * collection, never a part, never a temporary file), so a writer that is not atomic fails here.
 *
 * <p>Loopback addresses and ports: {@link LoopbackRanges#TEXTFILE_NODE_EXPORTER_IT} (chronyd,
 * {@code local stratum 10}, on the first address and port; node_exporter on a free 127.0.0.1 port).
 * Every daemon and every exporter run is under {@code setpriv --bounding-set=-sys_time}.
 */
class TextfileNodeExporterIT {

  private static final LoopbackRanges RANGE = LoopbackRanges.TEXTFILE_NODE_EXPORTER_IT;

  private static final String NAME = "clock-health.prom";
  private static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);
  private static final Map<String, String> ENV =
      DeployTools.environmentFile(
          DeployTools.file("deploy/systemd/clock-health-exporter-textfile.env"));

  private static Chronyd chronyd;
  private static NodeExporter nodeExporter;
  private static Path dir;
  private static Path prom;

  @BeforeAll
  static void start() throws IOException {
    dir =
        TestDaemons.targetDir()
            .resolve("it-daemons")
            .resolve(TextfileNodeExporterIT.class.getSimpleName())
            .resolve("textfile");
    TestFiles.deleteRecursively(dir);
    Files.createDirectories(dir);
    prom = dir.resolve(NAME);
    chronyd =
        Chronyd.builder(TextfileNodeExporterIT.class, "server")
            .config("local stratum 10", "bindaddress " + RANGE.address(0), "port " + RANGE.port(0))
            .start();
    nodeExporter = NodeExporter.start(TextfileNodeExporterIT.class, dir);
  }

  @AfterAll
  static void stop() {
    if (nodeExporter != null) {
      nodeExporter.close();
    }
    if (chronyd != null) {
      chronyd.close();
    }
  }

  @BeforeEach
  void writableDirectory() throws IOException {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void clockMetricsReachNodeExporterAndTheMtimeAdvances() throws Exception {
    assertSucceeded(textfile());
    ScrapedMetrics first = nodeExporter.scrape();
    ScrapedMetrics written = ScrapedMetrics.parse(Files.readString(prom));
    assertThat(first.valueOf("node_textfile_scrape_error")).isEqualTo(0.0);
    assertThat(first.valueOf("clock_scrape_collector_success", "collector", "chrony"))
        .isEqualTo(1.0);
    assertThat(first.valueOf("clock_stratum", "daemon", "chrony")).isEqualTo(10.0);
    assertThat(first.value("clock_offset_seconds", "daemon", "chrony"))
        .isEqualTo(written.value("clock_offset_seconds", "daemon", "chrony"))
        .isPresent();
    assertThat(first.valueOf("clock_time_seconds"))
        .isEqualTo(written.valueOf("clock_time_seconds"));
    double firstMtime = first.valueOf("node_textfile_mtime_seconds", "file", fileLabel(first));

    // node_exporter reports the mtime in whole seconds: the second run must be in a later one.
    Thread.sleep(1100);
    // valueOf fails the test when the first scrape lacks the series.
    var unused = first.valueOf("clock_time_seconds");
    try (Watcher watcher = new Watcher()) {
      assertSucceeded(textfile());
      watcher.awaitScrapes(3);
      ScrapedMetrics second = nodeExporter.scrape();
      double secondTime = second.valueOf("clock_time_seconds");
      assertThat(secondTime).isGreaterThan(first.valueOf("clock_time_seconds"));
      assertThat(second.valueOf("node_textfile_mtime_seconds", "file", fileLabel(second)))
          .isGreaterThan(firstMtime);
      watcher.assertEveryScrapeShowed(
          Set.of(first.valueOf("clock_time_seconds"), secondTime), "the first or second run");
    }
  }

  @Test
  void brokenWritesNeverReachNodeExporter() throws Exception {
    assertSucceeded(textfile());
    byte[] good = Files.readAllBytes(prom);
    ScrapedMetrics before = nodeExporter.scrape();
    double goodTime = before.valueOf("clock_time_seconds");
    double goodMtime = before.valueOf("node_textfile_mtime_seconds", "file", fileLabel(before));
    // The limit must cut the new file part-way for this to test atomicity.
    int limit = 1024;
    assertThat(good.length).isGreaterThan(2 * limit);

    try (Watcher watcher = new Watcher()) {
      // The file system refuses the write half-way (EFBIG past RLIMIT_FSIZE): the new file is
      // part-written when the exporter gives up.
      Exec.Result tooLarge = textfile(List.of("prlimit", "--fsize=" + limit + ":" + limit, "--"));
      assertFailedWith(tooLarge, "textfile: cannot write " + prom + ": File too large");
      assertThat(Files.readAllBytes(prom)).isEqualTo(good);
      assertThat(names()).containsExactly(NAME);

      // An unwritable directory: root only obeys the mode bits without CAP_DAC_OVERRIDE.
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
      Exec.Result unwritable =
          textfile(
              List.of("setpriv", "--bounding-set=-sys_time,-dac_override,-dac_read_search", "--"));
      assertFailedWith(
          unwritable,
          "textfile: cannot write " + prom + ": output directory " + dir + " is not writable");
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
      assertThat(Files.readAllBytes(prom)).isEqualTo(good);
      assertThat(names()).containsExactly(NAME);

      watcher.awaitScrapes(3);
      watcher.assertEveryScrapeShowed(Set.of(goodTime), "the good run");
    }
    ScrapedMetrics after = nodeExporter.scrape();
    assertThat(after.valueOf("node_textfile_mtime_seconds", "file", fileLabel(after)))
        .isEqualTo(goodMtime);
  }

  @Test
  void aFailedCollectionIsWrittenAsSuccessZeroWithNoStaleValues() throws Exception {
    assertSucceeded(textfile());
    assertThat(nodeExporter.scrape().has("clock_offset_seconds", "daemon", "chrony")).isTrue();
    // chronyc asks a socket where no chronyd listens: the tool runs, the daemon does not answer.
    Exec.Result r = textfile(List.of(), "--collector.chrony.args=-h " + dir + "/no-chronyd.sock");
    assertSucceeded(r);
    ScrapedMetrics after = nodeExporter.scrape();
    assertThat(after.valueOf("node_textfile_scrape_error")).isEqualTo(0.0);
    assertThat(after.valueOf("clock_scrape_collector_success", "collector", "chrony"))
        .isEqualTo(0.0);
    assertThat(after.has("clock_offset_seconds", "daemon", "chrony"))
        .as("a value that could not be measured is absent, never the previous run's")
        .isFalse();
  }

  /**
   * Scrapes node_exporter in the background until closed and keeps every scrape, to show what
   * node_exporter served while the exporter was writing.
   */
  private static final class Watcher implements AutoCloseable {
    private final List<ScrapedMetrics> scrapes = new CopyOnWriteArrayList<>();
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread = new Thread(this::run, "node-exporter-watcher");

    Watcher() {
      thread.start();
    }

    private void run() {
      while (running.get()) {
        try {
          scrapes.add(nodeExporter.scrape());
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        } catch (RuntimeException | AssertionError e) {
          errors.add(e);
        }
      }
    }

    /** Waits for {@code more} scrapes after the writes, so the last state was seen too. */
    void awaitScrapes(int more) throws InterruptedException {
      int seen = scrapes.size();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (scrapes.size() < seen + more) {
        assertThat(System.nanoTime()).as("node_exporter scrapes: %s", errors).isLessThan(deadline);
        Thread.sleep(10);
      }
    }

    /** Every scrape: our file only, no parse error, and one of the whole collections. */
    void assertEveryScrapeShowed(Set<Double> collectionTimes, String what) {
      assertThat(errors).isEmpty();
      assertThat(scrapes).hasSizeGreaterThan(10);
      Predicate<ScrapedMetrics> whole =
          m ->
              m.value("node_textfile_scrape_error").orElse(-1) == 0.0
                  && m.series("node_textfile_mtime_seconds").size() == 1
                  && m.has("clock_exporter_build_info")
                  && m.has("clock_scrape_collector_success", "collector", "chrony")
                  && collectionTimes.contains(m.value("clock_time_seconds").orElse(-1));
      List<ScrapedMetrics> bad = scrapes.stream().filter(whole.negate()).toList();
      assertThat(bad)
          .as(
              "of %d node_exporter scrapes, these did not show exactly %s:\n%s",
              scrapes.size(),
              what,
              bad.stream().limit(2).map(ScrapedMetrics::text).collect(Collectors.joining("\n")))
          .isEmpty();
    }

    @Override
    public void close() {
      running.set(false);
      try {
        thread.join(20_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The built jar's {@code textfile} into {@link #prom}, from the test chronyd's socket. */
  private static Exec.Result textfile() {
    return textfile(List.of());
  }

  /**
   * @param wrapper what runs the JVM (e.g. prlimit); {@code setpriv --bounding-set=-sys_time} is
   *     added unless the wrapper is setpriv with its own bounding set
   */
  private static Exec.Result textfile(List<String> wrapper, String... chronyArgs) {
    List<String> cmd = new ArrayList<>();
    if (wrapper.isEmpty() || !wrapper.get(0).equals("setpriv")) {
      cmd.addAll(List.of("setpriv", "--bounding-set=-sys_time", "--"));
    }
    cmd.addAll(wrapper);
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(shippedJavaOpts());
    cmd.addAll(
        List.of(
            "-jar",
            ExporterProcess.jar().toString(),
            "textfile",
            "--output=" + prom,
            "--collector.chrony",
            "--no-collector.ntpd",
            "--no-collector.timesyncd",
            "--collector.chrony.path=" + TestDaemons.get().chronyc()));
    cmd.add(
        chronyArgs.length > 0
            ? chronyArgs[0]
            : "--collector.chrony.args=-h " + chronyd.socketPath());
    return Exec.run(RUN_TIMEOUT, Map.of("MALLOC_ARENA_MAX", ENV.get("MALLOC_ARENA_MAX")), cmd);
  }

  /** JAVA_OPTS of the environment file, with the AppCDS archive the build made next to the jar. */
  private static List<String> shippedJavaOpts() {
    String jar = ExporterProcess.jar().toString();
    String archive = jar.substring(0, jar.length() - ".jar".length()) + ".jsa";
    return Arrays.stream(ENV.get("JAVA_OPTS").trim().split("\\s+"))
        .map(f -> f.startsWith("-XX:SharedArchiveFile=") ? "-XX:SharedArchiveFile=" + archive : f)
        .toList();
  }

  private static void assertSucceeded(Exec.Result r) throws IOException {
    assertThat(r.exitCode()).as(r::toString).isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(prom)))
        .isEqualTo("rw-r--r--");
    assertThat(names()).containsExactly(NAME);
  }

  /** Exit 1 and, of all it printed, exactly one line about the file: {@code expected}. */
  private static void assertFailedWith(Exec.Result r, String expected) {
    assertThat(r.exitCode()).as(r::toString).isEqualTo(1);
    assertThat(r.output().lines().filter(l -> l.startsWith("textfile: ")).toList())
        .as(r::toString)
        .containsExactly(expected);
  }

  /** node_exporter's {@code file} label of our one file (a path or a name, by version). */
  private static String fileLabel(ScrapedMetrics m) {
    List<ScrapedMetrics.Sample> files = m.series("node_textfile_mtime_seconds");
    assertThat(files).as(m::text).hasSize(1);
    String file = files.get(0).labels().get("file");
    assertThat(file).endsWith(NAME);
    return file;
  }

  private static List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
