package io.clockhealth.exporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clockhealth.exporter.config.ExporterSettings;
import io.clockhealth.exporter.parse.FixtureFiles;
import io.clockhealth.exporter.parse.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String stdin, String... args) {
    return Main.run(
        args,
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void helpListsTheFlagsAndExitCodes() {
    assertThat(run("", "--help")).isZero();
    assertThat(stdout())
        .contains("--web.listen-address")
        .contains("--web.telemetry-path")
        .contains("--config.file")
        .contains("--[no-]collector.chrony")
        .contains("--collector.chrony.args")
        .contains("--once")
        .contains("parse")
        .contains("Exit codes");
  }

  @Test
  void theClientLogFlagsAreCheckedAtStartNamingTheFlag() {
    assertThat(run("", "--once", "--collector.chrony.clients.per-client=1001")).isEqualTo(2);
    assertThat(stderr()).contains("--collector.chrony.clients.per-client").contains("0 to 1000");
    err.reset();
    assertThat(run("", "--once", "--collector.chrony.clients.per-client=5")).isEqualTo(2);
    assertThat(stderr()).contains("needs --collector.chrony.clients");
  }

  @Test
  void doctorRefusesWhatItCannotAskBeforeLookingWithUnknown() {
    assertThat(run("", "doctor", "--prometheus", "ftp://prom:9090")).isEqualTo(3);
    assertThat(stderr()).contains("--prometheus must be an http:// or https:// URL");
    err.reset();
    assertThat(run("", "doctor", "--probe", "time.lan:99999")).isEqualTo(3);
    assertThat(stderr()).contains("--probe time.lan:99999");
    err.reset();
    assertThat(run("", "doctor", "--role", "king")).isEqualTo(3);
    assertThat(stderr()).contains("--role");
  }

  @Test
  void theServerTakesARoleForItsStatusPage() {
    assertThat(run("", "--help")).isZero();
    assertThat(stdout()).contains("--role=client|timeserver");
  }

  @Test
  void parseHelpListsTheFormats() {
    assertThat(run("", "parse", "--help")).isZero();
    assertThat(stdout())
        .contains("chronyc-tracking")
        .contains("chronyc-serverstats")
        .contains("auto");
  }

  @Test
  void parsesATrackingCaptureFromStdin() {
    String tracking =
        """
        Reference ID    : 7F000017 (127.0.0.23)
        Stratum         : 11
        Ref time (UTC)  : Sat Nov 21 12:26:52 2026
        System time     : 73.000015259 seconds slow of NTP time
        Last offset     : +0.000000512 seconds
        RMS offset      : 0.000005258 seconds
        Frequency       : 0.684 ppm fast
        Residual freq   : +0.007 ppm
        Skew            : 7.206 ppm
        Root delay      : 0.000045102 seconds
        Root dispersion : 0.000005290 seconds
        Update interval : 0.3 seconds
        Leap status     : Normal
        """;
    assertThat(run(tracking, "parse", "--format", "chronyc-tracking", "-")).isZero();
    assertThat(stdout())
        .contains("clock_offset_seconds{daemon=\"chrony\"} -73.000015259")
        .contains("clock_frequency_ppm{daemon=\"chrony\"} 0.684")
        .contains("clock_synchronized{daemon=\"chrony\"} 1.0");
    assertThat(stderr()).isEmpty();
  }

  @Test
  void timedatectlShowPrintsTimedatedsSettingsWithoutDaemonLabel() throws Exception {
    Path capture = FixtureFiles.path(Fixtures.TIMEDATECTL.capturesDir() + "good-show.txt");
    assertThat(run("", "parse", "--format", "timedatectl-show", capture.toString())).isZero();
    assertThat(stdout())
        .contains("clock_timedated_ntp_enabled 0.0")
        .contains("clock_rtc_local_time 0.0")
        .doesNotContain("daemon=");
    out.reset();
    assertThat(run("LocalRTC=yes\nNTP=yes\n", "parse", "--format", "timedatectl-show")).isZero();
    assertThat(stdout())
        .contains("clock_timedated_ntp_enabled 1.0")
        .contains("clock_rtc_local_time 1.0");
  }

  @Test
  void autoDetectsCsvSources() {
    String sources = "^,x,127.0.0.23,10,-1,377,0,-73.000015259,-73.000015259,0.000020739\n";
    assertThat(run(sources, "parse", "--format", "auto")).isZero();
    assertThat(stdout())
        .contains(
            "clock_source_state{daemon=\"chrony\",source=\"127.0.0.23\",state=\"falseticker\"} 1.0");
  }

  @Test
  void rejectsTheToolsErrorReplyWithExitCode2AndOneLine() throws Exception {
    Path file = dir.resolve("error.txt");
    Files.writeString(file, "506 Cannot talk to daemon\n");
    assertThat(run("", "parse", "--format", "chronyc-tracking", file.toString())).isEqualTo(2);
    assertThat(stderr().lines()).hasSize(1);
    assertThat(stderr()).contains("chronyc-tracking").contains("506 Cannot talk to daemon");
    assertThat(stdout()).isEmpty();
  }

  @Test
  void autoRejectsAnErrorReplyAndGarbage() {
    assertThat(run("501 Not authorised\n", "parse", "--format", "auto")).isEqualTo(2);
    assertThat(stderr()).contains("501 Not authorised");
    err.reset();
    assertThat(run("hello world\n", "parse", "--format", "auto")).isEqualTo(2);
    assertThat(stderr().lines()).hasSize(1);
    assertThat(stderr()).contains("auto").contains("hello world");
  }

  @Test
  void ntpdataYieldsEachSourcesReferenceAndTheContractSign() throws Exception {
    Path capture = FixtureFiles.path(Fixtures.CHRONYC.capturesDir() + "3src-cli-ntpdata.txt");
    assertThat(run("", "parse", "--format", "auto", capture.toString())).isZero();
    assertThat(stdout())
        .contains(
            "clock_source_info{daemon=\"chrony\",mode=\"server\",ref_id=\"7F7F0101\","
                + "source=\"127.0.0.23\"} 1")
        // ntpdata prints +73 s (server minus local); the contract is local minus source.
        .contains(
            "clock_source_offset_seconds{daemon=\"chrony\",source=\"127.0.0.23\"} -73.000015259");
  }

  @Test
  void unknownFormatIsBadInput() {
    assertThat(run("x", "parse", "--format", "ntpq-bogus")).isEqualTo(2);
    assertThat(stderr()).contains("ntpq-bogus").contains("unknown format");
  }

  @Test
  void unknownFlagIsBadUsage() {
    assertThat(run("", "--scrape-interval=5s")).isEqualTo(2);
    assertThat(stderr()).contains("--scrape-interval");
  }

  @Test
  void configErrorStopsStartUpNamingTheKey() throws Exception {
    Path config = dir.resolve("config.yml");
    Files.writeString(config, "collectors:\n  chrony:\n    pathh: /usr/bin/chronyc\n");
    assertThat(run("", "--once", "--config.file", config.toString())).isEqualTo(2);
    assertThat(stderr()).contains("collectors.chrony.pathh").contains(":3");
  }

  @Test
  void anInvalidWebConfigStopsStartUp() throws Exception {
    Path web = dir.resolve("web.yml");
    Files.writeString(web, "basic_auth_users:\n  alice: not-a-hash\n");
    assertThat(run("", "--web.config.file=" + web, "--web.listen-address=127.0.0.1:0"))
        .isEqualTo(2);
    assertThat(stderr()).contains("web.config.file").contains("alice");
  }

  @Test
  void onceCollectsFromChronycAndPrints() throws Exception {
    Path chronyc = dir.resolve("chronyc");
    Files.writeString(
        chronyc,
        """
        #!/bin/sh
        # like chronyc -m: each command after -c in turn, stopping at the first refused one
        while [ "$1" != -c ]; do shift; done; shift
        for c; do
          case "$c" in
            tracking) echo '7F000015,127.0.0.21,11,1795263871.125331117,-0.000001202,0.000000023,31.424114227,-0.095,0.004,0.206,0.000004427,0.000001784,0.3,Normal' ;;
            sources) echo '^,*,127.0.0.21,10,-1,377,0,0.000001175,0.000001198,0.000004071' ;;
            sourcestats) echo '127.0.0.21,19,11,4,-0.017,0.213,-0.000000876,0.000000315' ;;
            activity) echo '1,0,0,0,0' ;;
            selectdata|ntpdata|authdata|serverstats) echo '501 Not authorised'; exit 1 ;;
          esac
        done
        """);
    Files.setPosixFilePermissions(chronyc, PosixFilePermissions.fromString("rwx------"));
    int code =
        run(
            "",
            "--once",
            "--no-collector.ntpd",
            "--no-collector.timesyncd",
            "--collector.chrony.path=" + chronyc,
            "--collector.chrony.args=-h /nonexistent.sock",
            "--log.level=error");
    assertThat(code).isZero();
    assertThat(stdout())
        .contains("clock_scrape_collector_success{collector=\"chrony\"} 1.0")
        .contains("clock_synchronized{daemon=\"chrony\"} 1.0")
        .contains("clock_offset_seconds{daemon=\"chrony\"} 1.202E-6")
        .contains("clock_source_samples{daemon=\"chrony\",source=\"127.0.0.21\"} 19.0")
        .contains("clock_time_seconds ")
        .doesNotContain("clock_server_");
  }

  @Test
  void onceWithAMissingForcedChronycReportsFailure() {
    assertThat(onceWithAMissingChronyc("--collector.chrony")).isZero();
    assertThat(stdout())
        .contains("clock_scrape_collector_success{collector=\"chrony\"} 0.0")
        .doesNotContain("clock_daemon_up");
  }

  @Test
  void autoDetectionLeavesAMissingChronycOff() {
    assertThat(onceWithAMissingChronyc()).isZero();
    assertThat(stdout()).doesNotContain("collector=\"chrony\"").contains("clock_time_seconds");
  }

  @Test
  void parseInputBeyondTheOutputCapIsRefused() {
    String big = "x".repeat(ExporterSettings.DEFAULT_MAX_OUTPUT_BYTES + 1);
    assertThat(run(big, "parse", "--format", "auto", "-")).isEqualTo(2);
    assertThat(stderr()).contains("standard input: larger than");
  }

  @Test
  void parseOfAFifoOrADeviceIsRefused() throws Exception {
    Path fifo = dir.resolve("fifo");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    assertThat(run("", "parse", "--format", "auto", fifo.toString())).isEqualTo(2);
    assertThat(stderr()).contains("not a regular file");
    err.reset();
    assertThat(run("", "parse", "--format", "auto", "/dev/zero")).isEqualTo(2);
    assertThat(stderr()).contains("not a regular file");
  }

  @Test
  void parseThatCannotWriteItsOutputFails() throws Exception {
    String tracking =
        "7F000017,127.0.0.23,11,1763728012.5,0.000015259,0.000000512,0.000005258,"
            + "-0.684,0.007,7.206,0.000045102,0.000005290,0.3,Normal\n";
    PrintStream broken =
        new PrintStream(
            new OutputStream() {
              @Override
              public void write(int b) throws IOException {
                throw new IOException("No space left on device");
              }
            });
    int code =
        Main.run(
            new String[] {"parse", "--format", "chronyc-tracking", "-"},
            new ByteArrayInputStream(tracking.getBytes(StandardCharsets.UTF_8)),
            broken,
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(1);
    assertThat(stderr()).contains("cannot write the metrics to standard output");
  }

  /** --once with only the chrony collector, its chronyc missing; the exit code. */
  private int onceWithAMissingChronyc(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--once",
                "--no-collector.ntpd",
                "--no-collector.timesyncd",
                "--collector.chrony.path=" + dir.resolve("missing-chronyc"),
                "--log.level=error"));
    args.addAll(List.of(more));
    return run("", args.toArray(String[]::new));
  }
}
