package io.clockhealth.exporter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.clockhealth.exporter.cli.DoctorProcess.Diagnosis;
import io.clockhealth.exporter.testing.Chronyd;
import io.clockhealth.exporter.testing.ExporterProcess;
import io.clockhealth.exporter.testing.LoopbackRanges;
import io.clockhealth.exporter.testing.PrometheusServer;
import io.clockhealth.exporter.testing.TestDaemons;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code doctor} as a process against real chronyd: a client 73 s behind its only source, an
 * isolated network's {@code local stratum 10} server with and without {@code --role timeserver},
 * and a chronyd that was stopped. The host collector reads this machine as it is (its kernel is not
 * synchronised by the test daemons, which run with {@code -x}), so host findings may come on top;
 * the exit code must match the worst finding printed.
 *
 * <p>Also {@code --prometheus} against a real Prometheus on loopback while the doctor runs under
 * libfaketime −73 s, and {@code --probe} of the +73 s server, the local one and a silent address.
 *
 * <p>Loopback addresses and ports: {@link LoopbackRanges#DOCTOR_IT}; the +73 s server on
 * address/port 0, the local server on 1, nothing on 2, two more local servers on 3 and 4 (with 1,
 * the falseticker scenario's three sources).
 */
class DoctorIT {

  private static final LoopbackRanges RANGE = LoopbackRanges.DOCTOR_IT;

  private static Chronyd ahead;
  private static Chronyd behind;
  private static Chronyd local;
  private static Chronyd second;
  private static Chronyd third;
  private static Chronyd outvoted;

  @BeforeAll
  static void startDaemons() {
    ahead =
        Chronyd.builder(DoctorIT.class, "ahead")
            .localServer(RANGE.address(0), RANGE.port(0))
            .fakeTime("+73s")
            .start();
    behind =
        Chronyd.builder(DoctorIT.class, "behind")
            .config(Chronyd.fastServer(RANGE, 0), "port 0")
            .start();
    local =
        Chronyd.builder(DoctorIT.class, "local")
            .localServer(RANGE.address(1), RANGE.port(1))
            .start();
    second =
        Chronyd.builder(DoctorIT.class, "second")
            .localServer(RANGE.address(3), RANGE.port(3))
            .start();
    third =
        Chronyd.builder(DoctorIT.class, "third")
            .localServer(RANGE.address(4), RANGE.port(4))
            .start();
    // Three servers of this machine's clock; the client sees the first half a second off, and
    // the other two outvote it.
    outvoted =
        Chronyd.builder(DoctorIT.class, "outvoted")
            .config(poll(1, " offset 0.5"), poll(3, ""), poll(4, ""), "port 0")
            .start();
  }

  private static String poll(int n, String options) {
    return Chronyd.fastServer(RANGE, n) + options;
  }

  @AfterAll
  static void stopDaemons() {
    for (Chronyd d : new Chronyd[] {behind, ahead, local, outvoted, second, third}) {
      if (d != null) {
        d.stop();
      }
    }
  }

  private static Diagnosis doctor(Chronyd chronyd, String... extra) throws Exception {
    return doctor(Map.of(), chronyd, extra);
  }

  /** The doctor of {@code chronyd} only, with {@code env} added (e.g. libfaketime's). */
  private static Diagnosis doctor(Map<String, String> env, Chronyd chronyd, String... extra)
      throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--no-collector.ntpd",
                "--no-collector.timesyncd",
                "--collector.chrony.path=" + TestDaemons.get().chronyc(),
                "--collector.chrony.args=-h " + chronyd.socketPath()));
    args.addAll(List.of(extra));
    return DoctorProcess.run(env, args);
  }

  @Test
  void aClient73SecondsBehindItsOnlySourceIsCritical() throws Exception {
    await("behind follows the +73 s server")
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> behind.states().equals("*"));
    Diagnosis d = doctor(behind);
    assertThat(d.exit()).isEqualTo(2);
    assertThat(d.findings()).containsEntry("offset-critical", "critical");
    JsonNode offset = d.finding("offset-critical");
    assertThat(offset.path("summary").asText())
        .matches("The clock is 7[23]\\.\\d{3} s behind true time, as chrony estimates it\\.");
    assertThat(offset.path("fix").asText()).contains("chronyc makestep");

    // The text for people, kept under target/ for the record (the README shows one).
    String text = doctorText(behind);
    Files.writeString(
        TestDaemons.targetDir().resolve("doctor-73s-behind.txt"), text, StandardCharsets.UTF_8);
    assertThat(text)
        .startsWith("CRITICAL\n")
        .contains("[offset-critical] chrony: The clock is 7")
        .doesNotContain("\u001b[");
  }

  /** The text layout; stdout is a pipe here, so it must come without colour. */
  private static String doctorText(Chronyd chronyd) throws Exception {
    Process p =
        new ProcessBuilder(
                "java",
                "-jar",
                ExporterProcess.jar().toString(),
                "doctor",
                "--no-collector.ntpd",
                "--no-collector.timesyncd",
                "--collector.chrony.path=" + TestDaemons.get().chronyc(),
                "--collector.chrony.args=-h " + chronyd.socketPath())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return stdout;
  }

  @Test
  void anIsolatedNetworksTimeServerIsRightOnlyWhenDesignated() throws Exception {
    Diagnosis asClient = doctor(local);
    assertThat(asClient.findings()).containsEntry("local-reference", "warning");
    assertThat(asClient.exit()).isGreaterThanOrEqualTo(1);
    Diagnosis asServer = doctor(local, "--role", "timeserver");
    assertThat(asServer.findings()).containsEntry("local-reference", "info");
    assertThat(asServer.findings())
        .doesNotContainKeys("offset-high", "offset-critical", "not-synchronised");
  }

  @Test
  void aHost73SecondsBehindThePrometheusServerIsTheSeedIncident() throws Exception {
    try (PrometheusServer prometheus =
        PrometheusServer.start(DoctorIT.class, "central", "global:\n  scrape_interval: 15s\n")) {
      // Only the doctor's clock is 73 s behind; Prometheus, on the same machine, is right.
      Diagnosis d =
          doctor(
              Map.of("LD_PRELOAD", TestDaemons.get().libfaketime().toString(), "FAKETIME", "-73s"),
              local,
              "--role",
              "timeserver",
              "--prometheus",
              prometheus.baseUri().toString());
      assertThat(d.exit()).isEqualTo(2);
      assertThat(d.findings()).containsEntry("prometheus-clock-differs", "critical");
      JsonNode f = d.finding("prometheus-clock-differs");
      assertThat(f.path("summary").asText())
          .matches("This host's clock is 7[234]\\.\\d{3} s behind the Prometheus server's\\.");
      assertThat(f.path("evidence").asText())
          .startsWith("this host − the Prometheus server: -7")
          .contains("half the")
          .contains(prometheus.baseUri() + "/api/v1/query");
    }
    // The same host, without the fake, agrees with it.
    try (PrometheusServer prometheus =
        PrometheusServer.start(DoctorIT.class, "central-2", "global:\n  scrape_interval: 15s\n")) {
      Diagnosis d =
          doctor(local, "--role", "timeserver", "--prometheus", prometheus.baseUri().toString());
      assertThat(d.findings()).containsEntry("prometheus-clock-agrees", "ok");
    }
  }

  @Test
  void probedTimeServersAreComparedWithThisHost() throws Exception {
    Diagnosis d =
        doctor(
            local,
            "--role",
            "timeserver",
            "--probe",
            RANGE.hostPort(0),
            "--probe",
            RANGE.hostPort(1),
            "--probe",
            RANGE.hostPort(2));
    assertThat(d.exit()).isEqualTo(2);
    assertThat(d.findings())
        .containsEntry("probe-clock-differs", "critical")
        .containsEntry("probe-clock-agrees", "ok")
        .containsEntry("probe-unreachable", "warning");
    JsonNode ahead = d.finding("probe-clock-differs");
    assertThat(ahead.path("subject").asText()).isEqualTo("probe " + RANGE.hostPort(0));
    assertThat(ahead.path("summary").asText())
        .matches(
            "This host's clock is 7[234]\\.\\d{3} s behind "
                + RANGE.hostPort(0).replace(".", "\\.")
                + "'s\\.");
  }

  @Test
  void aFalsetickerIsNamedWithChronysOwnWords() throws Exception {
    await("the client marks the half-second-off server a falseticker")
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> outvoted.source(RANGE.address(1)).orElseThrow().state() == 'x');
    Diagnosis d = doctor(outvoted);
    assertThat(d.findings()).containsKey("source-falseticker");
    JsonNode f = d.finding("source-falseticker");
    assertThat(f.path("subject").asText()).isEqualTo("chrony " + RANGE.address(1));
    assertThat(d.exit()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void aStoppedChronydIsCritical() throws Exception {
    Chronyd gone = Chronyd.builder(DoctorIT.class, "gone").config("port 0").start();
    gone.stop();
    Diagnosis d = doctor(gone);
    assertThat(d.exit()).isEqualTo(2);
    assertThat(d.findings()).containsEntry("daemon-not-answering", "critical");
  }

  @Test
  void badUsageIsUnknown() throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(
                "java", "-jar", ExporterProcess.jar().toString(), "doctor", "--role", "king")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isEqualTo(3);
    assertThat(out).doesNotContain("Exception").contains("--role");
  }
}
