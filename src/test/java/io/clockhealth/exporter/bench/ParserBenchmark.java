package io.clockhealth.exporter.bench;

import io.clockhealth.exporter.cli.Formats;
import io.clockhealth.exporter.collect.DaemonRun;
import io.clockhealth.exporter.collect.chrony.ChronyCollector;
import io.clockhealth.exporter.collect.timesyncd.SystemdTimeSpan;
import io.clockhealth.exporter.config.ToolSettings;
import io.clockhealth.exporter.exec.CommandResult;
import io.clockhealth.exporter.exec.CommandRunner;
import io.clockhealth.exporter.metrics.ClockMetrics;
import io.clockhealth.exporter.parse.FormatRegistry;
import io.clockhealth.exporter.parse.OutputFormat;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of every parser on a fixture of its format (the layouts the collectors request:
 * chronyc {@code -c} CSV, {@code ntpq -pnw}/{@code -c rv}, {@code timedatectl show-timesync --all};
 * plus the human chronyc layouts, timedatectl's other verbs, systemd time spans and {@code --format
 * auto}), and one whole chrony scrape minus the process runs: four canned chronyc outputs through
 * the real collector, the metric model and the text writer.
 *
 * <p>Run with scripts/bench-parsers.sh. The secondary metric {@code bytes} counts input bytes per
 * second (so MB/s = bytes / 10^6); {@code -prof gc} adds {@code gc.alloc.rate.norm}, the bytes
 * allocated per parse.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParserBenchmark {

  /** Every parser the {@code parse} command knows, by format name. */
  private static final FormatRegistry REGISTRY = Formats.registry();

  /** Case name: what is parsed and from which fixture (under src/test/resources). */
  private static final Map<String, String> FIXTURES = new LinkedHashMap<>();

  static {
    FIXTURES.put("chronyc-tracking-csv", "captures/chrony/3src-cli-c-tracking.txt");
    FIXTURES.put("chronyc-tracking-human", "captures/chrony/3src-cli-tracking.txt");
    FIXTURES.put("chronyc-sources-csv", "captures/chrony/3src-cli-c-sources.txt");
    FIXTURES.put(
        "chronyc-sources-human", "corpus/chronyc/ubuntu-doc-sources-20-truncated-names.txt");
    FIXTURES.put("chronyc-sourcestats-csv", "captures/chrony/3src-cli-c-sourcestats.txt");
    FIXTURES.put(
        "chronyc-sourcestats-human",
        "corpus/chronyc/ubuntu-doc-sourcestats-210-truncated-names.txt");
    FIXTURES.put("chronyc-serverstats-csv", "captures/chrony/3src-srvA-c-serverstats.txt");
    FIXTURES.put("chronyc-serverstats-human", "captures/chrony/3src-cli-serverstats.txt");
    FIXTURES.put("chronyc-ntpdata-csv", "captures/chrony/3src-cli-c-ntpdata.txt");
    FIXTURES.put("chronyc-ntpdata-human", "captures/chrony/3src-cli-ntpdata.txt");
    FIXTURES.put("chronyc-authdata-human", "corpus/chronyc/ubuntu-doc-authdata-nts.txt");
    FIXTURES.put("ntpq-peers-wide", "captures/ntpsec/3src-peers-w.txt");
    FIXTURES.put("ntpq-peers-classic", "corpus/ntpq/jc-ubuntu1804-ntpq-pn.txt");
    FIXTURES.put("ntpq-rv", "captures/ntpsec/3src-rv.txt");
    FIXTURES.put("timedatectl-show-timesync", "captures/timesyncd/good-show-timesync-all.txt");
    FIXTURES.put("timedatectl-timesync-status", "captures/timesyncd/good-timesync-status.txt");
    FIXTURES.put("timedatectl-show", "captures/timesyncd/good-show.txt");
    FIXTURES.put("timedatectl-status", "captures/timesyncd/good-status.txt");
    FIXTURES.put(
        "pmc-time-status-np",
        "captures/ptp/pmc_linuxptp-3.1.1-deb12_lab-slave-slave_GET_TIME_STATUS_NP.txt");
    FIXTURES.put(
        "pmc", "captures/ptp/pmc_linuxptp-3.1.1-deb12_lab-slave-slave_multi-GET-in-one-call.txt");
    FIXTURES.put("systemd-timespan", null); // SPAN below
    FIXTURES.put("auto-chronyc-tracking-csv", "captures/chrony/3src-cli-c-tracking.txt");
    FIXTURES.put("auto-timedatectl-timesync-status", "captures/timesyncd/good-timesync-status.txt");
    FIXTURES.put("chrony-scrape-csv", null); // the four CSV captures above
  }

  private static final String SPAN = "+1min 13.000057s";

  @Param({
    "chronyc-tracking-csv",
    "chronyc-tracking-human",
    "chronyc-sources-csv",
    "chronyc-sources-human",
    "chronyc-sourcestats-csv",
    "chronyc-sourcestats-human",
    "chronyc-serverstats-csv",
    "chronyc-serverstats-human",
    "chronyc-ntpdata-csv",
    "chronyc-ntpdata-human",
    "chronyc-authdata-human",
    "ntpq-peers-wide",
    "ntpq-peers-classic",
    "ntpq-rv",
    "timedatectl-show-timesync",
    "timedatectl-timesync-status",
    "timedatectl-show",
    "timedatectl-status",
    "pmc-time-status-np",
    "pmc",
    "systemd-timespan",
    "auto-chronyc-tracking-csv",
    "auto-timedatectl-timesync-status",
    "chrony-scrape-csv"
  })
  public String input;

  private String text;
  private int bytes;
  private Parse parse;

  /** One parse of {@link #text}; returns something the JIT cannot discard. */
  @FunctionalInterface
  private interface Parse {
    Object run(String text) throws Exception;
  }

  /** Input bytes per second, reported next to ops/s. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Bytes {
    public long bytes;

    @Setup(Level.Iteration)
    public void reset() {
      bytes = 0;
    }
  }

  @Setup
  public void setUp() throws Exception {
    if (!FIXTURES.containsKey(input)) {
      throw new IllegalArgumentException("unknown case " + input);
    }
    switch (input) {
      case "systemd-timespan" -> text = SPAN;
      case "chrony-scrape-csv" -> text = chronyScrapeInputs();
      default -> text = read(FIXTURES.get(input));
    }
    bytes = text.getBytes(StandardCharsets.UTF_8).length;
    parse = parser(input);
    parse.run(text); // fail at setup, not in the measurement, if the fixture does not parse
  }

  @Benchmark
  public Object parse(Bytes counter) throws Exception {
    counter.bytes += bytes;
    return parse.run(text);
  }

  private Parse parser(String name) throws IOException {
    String format = name.replaceFirst("-(csv|human|wide|classic)$", "");
    Optional<OutputFormat> registered = REGISTRY.byName(format);
    if (registered.isPresent()) {
      return registered.get().parser()::parse;
    }
    return switch (format) {
      case "systemd-timespan" -> SystemdTimeSpan::seconds;
      case "auto-chronyc-tracking", "auto-timedatectl-timesync-status" ->
          t -> {
            OutputFormat f = REGISTRY.detect(t);
            return f.parse(t);
          };
      case "chrony-scrape" -> chronyScrape();
      default -> throw new IllegalArgumentException(name);
    };
  }

  /** The four chronyc -c outputs of one scrape, concatenated (for the byte count). */
  private static String chronyScrapeInputs() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (String command : CHRONY_COMMANDS.keySet()) {
      sb.append(read(CHRONY_COMMANDS.get(command)));
    }
    return sb.toString();
  }

  private static final Map<String, String> CHRONY_COMMANDS =
      Map.of(
          "tracking", "captures/chrony/3src-cli-c-tracking.txt",
          "sources", "captures/chrony/3src-cli-c-sources.txt",
          "sourcestats", "captures/chrony/3src-cli-c-sourcestats.txt",
          "serverstats", "captures/chrony/3src-srvA-c-serverstats.txt");

  /**
   * The real ChronyCollector on a runner that answers instantly from the captures, then the metric
   * model and the text a scrape would send: everything of a scrape but the four process runs and
   * HTTP.
   */
  private static Parse chronyScrape() throws IOException {
    Map<String, String> outputs = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : CHRONY_COMMANDS.entrySet()) {
      outputs.put(e.getKey(), read(e.getValue()));
    }
    CommandRunner canned =
        spec -> {
          List<String> args = spec.arguments();
          String out = outputs.get(args.get(args.size() - 1));
          return new CommandResult(
              spec, CommandResult.Outcome.COMPLETED, 0, out, "", Duration.ZERO, "");
        };
    DaemonRun collector =
        DaemonRun.of(
            new ChronyCollector(
                canned,
                new ToolSettings(true, "chronyc", List.of(), Duration.ofSeconds(2), 1 << 20)));
    PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    return ignored -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
      writer.write(out, new ClockMetrics().report(collector.run().result().report()).build());
      return out;
    };
  }

  private static String read(String fixture) {
    Path root = Path.of(System.getProperty("bench.fixtures", "src/test/resources"));
    try {
      return Files.readString(root.resolve(fixture), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "fixture " + fixture + " under " + root.toAbsolutePath() + " (set -Dbench.fixtures)", e);
    }
  }
}
