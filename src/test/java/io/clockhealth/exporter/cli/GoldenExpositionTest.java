package io.clockhealth.exporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clockhealth.exporter.collect.BuildInfo;
import io.clockhealth.exporter.collect.ClockCollector;
import io.clockhealth.exporter.collect.CollectorOutcome;
import io.clockhealth.exporter.collect.DaemonCollector;
import io.clockhealth.exporter.collect.HostOutcome;
import io.clockhealth.exporter.collect.ScrapeResult;
import io.clockhealth.exporter.collect.chrony.ChronyCollector;
import io.clockhealth.exporter.collect.host.HostClockCollector;
import io.clockhealth.exporter.collect.ntpd.NtpdCollector;
import io.clockhealth.exporter.collect.ptp.PtpCollector;
import io.clockhealth.exporter.collect.timesyncd.TimesyncdCollector;
import io.clockhealth.exporter.config.ExporterSettings;
import io.clockhealth.exporter.config.PtpSettings;
import io.clockhealth.exporter.config.ToolSettings;
import io.clockhealth.exporter.exec.CommandResult;
import io.clockhealth.exporter.exec.CommandRunner;
import io.clockhealth.exporter.exec.CommandSpec;
import io.clockhealth.exporter.os.HostTrees;
import io.clockhealth.exporter.os.KernelTimex;
import io.clockhealth.exporter.os.KernelTimexSource;
import io.clockhealth.exporter.parse.FixtureFiles;
import io.clockhealth.exporter.testing.TestFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The golden exposition: a fixed set of captured tool outputs (src/test/resources/captures),
 * answered by a fake {@link CommandRunner} to the real chrony, ntpd and timesyncd collectors, and a
 * host tree (src/test/resources/host) with a captured kernel state to the host collector, on a
 * fixed clock, written as a scrape writes it and compared byte for byte with the checked-in
 * src/test/resources/golden/exposition.prom. Any change of a metric name, label, help text or value
 * shows up here and, as a diff of that file, in review.
 *
 * <p>After an intended change, regenerate the file and review its diff:
 *
 * <pre>
 * mvn -B -ntp test -Dtest=GoldenExpositionTest -Dgolden.update=true
 * git diff src/test/resources/golden/exposition.prom
 * </pre>
 */
class GoldenExpositionTest {

  static final Path GOLDEN = Path.of("src/test/resources/golden/exposition.prom");

  /** 2026-01-02T03:04:05.678Z: the host clock of the scrape. */
  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05.678Z");

  /**
   * chronyc -m: each report's CSV lines in the order asked, all of chrony 4.3 lab client C (four
   * sources: selected, combined, unreachable, noselect) but serverstats, lab server A's.
   */
  private static final Map<String, String> CHRONYC =
      Map.of(
          "tracking", "captures/chrony/depth-C-c-tracking.txt",
          "sources", "captures/chrony/depth-C-c-sources.txt",
          "sourcestats", "captures/chrony/depth-C-c-sourcestats.txt",
          "activity", "captures/chrony/depth-C-c-activity.txt",
          "selectdata", "captures/chrony/depth-C-c-selectdata.txt",
          "ntpdata", "captures/chrony/depth-C-c-ntpdata.txt",
          "authdata", "captures/chrony/depth-C-c-authdata-a.txt",
          "serverstats", "captures/chrony/depth-A-c-serverstats.txt");

  /** ntpq -n -w -c rv -p: the system variables, then the peers. */
  private static final List<String> NTPQ =
      List.of("captures/ntpsec/3src-rv.txt", "captures/ntpsec/3src-pn.txt");

  /** timedatectl, by its first argument. */
  private static final Map<String, String> TIMEDATECTL =
      Map.of(
          "show-timesync", "captures/timesyncd/good-show-timesync-all.txt",
          "timesync-status", "captures/timesyncd/good-timesync-status.txt",
          "show", "captures/timesyncd/good-show.txt");

  /** pmc: each data set asked for, from the lab slave in SLAVE (no PORT_PROPERTIES_NP there). */
  private static final String PMC_CAPTURE =
      "captures/ptp/pmc_linuxptp-3.1.1-deb12_lab-slave-slave_";

  /** Half a second after the lab slave's last Sync: synchronised. */
  private static final Instant PTP_NOW = Instant.parse("2026-12-02T13:44:18.014Z");

  @Test
  void theScrapeOfTheCapturesIsTheCheckedInExposition() throws IOException {
    String exposition = exposition();
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(GOLDEN.getParent());
      Files.writeString(GOLDEN, exposition, StandardCharsets.UTF_8);
    }
    assertThat(Files.exists(GOLDEN))
        .as(GOLDEN + " is missing: run with -Dgolden.update=true to create it")
        .isTrue();
    assertThat(exposition)
        .as("exposition differs from " + GOLDEN + " (regenerate with -Dgolden.update=true)")
        .isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
  }

  @Test
  void theGoldenExpositionHasEveryCollectorAndDaemon() throws IOException {
    String golden = Files.readString(GOLDEN, StandardCharsets.UTF_8);
    assertThat(golden)
        .contains("clock_scrape_collector_success{collector=\"host\"} 1.0")
        .contains("clock_kernel_synchronized 0.0")
        .contains("clock_timedated_ntp_enabled 0.0");
    for (String collector : List.of("chrony", "ntpd", "timesyncd", "ptp")) {
      String daemon = collector.equals("ptp") ? "ptp4l" : collector;
      assertThat(golden)
          .contains("clock_scrape_collector_success{collector=\"" + collector + "\"} 1.0")
          .contains("clock_daemon_up{daemon=\"" + daemon + "\"} 1.0");
    }
    assertThat(golden)
        .contains("clock_synchronized{daemon=\"ptp4l\"} 1.0")
        .contains("clock_ptp_port_state{daemon=\"ptp4l\",port=\"1\",state=\"slave\"} 1.0");
    assertThat(golden).contains("clock_server_ntp_packets_received_total{daemon=\"chrony\"}");
  }

  static String exposition() throws IOException {
    CommandRunner runner = GoldenExpositionTest::answer;
    List<DaemonCollector> collectors =
        List.of(
            new ChronyCollector(runner, tool("chronyc")),
            new NtpdCollector(runner, tool("ntpq")),
            new TimesyncdCollector(runner, tool("timedatectl")),
            new PtpCollector(
                runner, tool("pmc"), PtpSettings.DEFAULT, Clock.fixed(PTP_NOW, ZoneOffset.UTC)));
    BuildInfo build = new BuildInfo("0.0.0-golden", "0123456789ab");
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    Path tree = Files.createTempDirectory("golden-host");
    ScrapeResult scrape;
    try (ClockCollector collector =
        new ClockCollector(
            collectors,
            host(tree, clock),
            clock,
            build,
            Duration.ZERO,
            ExporterSettings.DEFAULT_MAX_SOURCES)) {
      scrape = collector.scrape();
    } finally {
      TestFiles.deleteRecursively(tree);
    }
    // The one measured value that is not in the captures: the time each collector took.
    ScrapeResult fixed =
        new ScrapeResult(
            scrape.hostTimeSeconds(),
            new HostOutcome(scrape.host().result(), 0.001),
            scrape.outcomes().stream()
                .map(o -> new CollectorOutcome(o.collector(), o.result(), 0.001))
                .toList());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Exposition.write(fixed.toSnapshots(build), out);
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * The host collector on the tree host/rtc-local-two-daemons (an RTC in local time, hpet, two
   * daemons; its RTC keeps Berlin's time, 3610 s ahead of the fixed clock) and the kernel state of
   * the unsynchronised VM (captures/host/jna-5.19.1-adjtimex-readonly_java17_x86_64.txt).
   */
  private static HostClockCollector host(Path tree, Clock clock) {
    KernelTimexSource vm = () -> new KernelTimex(5, 0x40, 0, 0, 16_000_000, 16_000_000, 0);
    return new HostClockCollector(HostTrees.copy("rtc-local-two-daemons", tree), vm, clock, null);
  }

  private static ToolSettings tool(String path) {
    return new ToolSettings(true, path, List.of(), Duration.ofSeconds(5), 1 << 20);
  }

  private static CommandResult answer(CommandSpec spec) {
    List<String> args = spec.arguments();
    StringBuilder stdout = new StringBuilder();
    switch (spec.executable()) {
      case "chronyc" -> {
        for (String command : args.subList(args.indexOf("-c") + 1, args.size())) {
          stdout.append(FixtureFiles.read(CHRONYC.get(command)));
        }
      }
      case "ntpq" -> NTPQ.forEach(f -> stdout.append(FixtureFiles.read(f)));
      case "timedatectl" -> stdout.append(FixtureFiles.read(TIMEDATECTL.get(args.get(0))));
      case "pmc" ->
          args.stream()
              .filter(a -> a.startsWith("GET ") && !a.equals("GET PORT_PROPERTIES_NP"))
              .forEach(
                  a ->
                      stdout.append(FixtureFiles.read(PMC_CAPTURE + a.replace(' ', '_') + ".txt")));
      default -> throw new IllegalArgumentException("unexpected command " + spec.display());
    }
    return new CommandResult(
        spec, CommandResult.Outcome.COMPLETED, 0, stdout.toString(), "", Duration.ofMillis(1), "");
  }
}
