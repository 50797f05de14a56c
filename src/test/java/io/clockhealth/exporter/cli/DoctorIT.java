package io.clockhealth.exporter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.TreeMap;
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
 * address/port 0, the local server on 1, nothing on 2.
 */
class DoctorIT {

  private static final LoopbackRanges RANGE = LoopbackRanges.DOCTOR_IT;
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Chronyd ahead;
  private static Chronyd behind;
  private static Chronyd local;

  @BeforeAll
  static void startDaemons() {
    ahead =
        Chronyd.builder(DoctorIT.class, "ahead")
            .localServer(RANGE.address(0), RANGE.port(0))
            .fakeTime("+73s")
            .start();
    behind =
        Chronyd.builder(DoctorIT.class, "behind")
            .config(
                "server "
                    + RANGE.address(0)
                    + " port "
                    + RANGE.port(0)
                    + " iburst minpoll -2 maxpoll 0",
                "port 0")
            .start();
    local =
        Chronyd.builder(DoctorIT.class, "local")
            .localServer(RANGE.address(1), RANGE.port(1))
            .start();
  }

  @AfterAll
  static void stopDaemons() {
    for (Chronyd d : new Chronyd[] {behind, ahead, local}) {
      if (d != null) {
        d.stop();
      }
    }
  }

  /** The doctor's exit code and its findings, id to severity (the worst where an id repeats). */
  private record Diagnosis(int exit, Map<String, String> findings, JsonNode json) {}

  private static Diagnosis doctor(Chronyd chronyd, String... extra) throws Exception {
    return doctor(Map.of(), chronyd, extra);
  }

  /** The doctor with {@code env} added to its environment (e.g. libfaketime's). */
  private static Diagnosis doctor(Map<String, String> env, Chronyd chronyd, String... extra)
      throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                "java",
                "-jar",
                ExporterProcess.jar().toString(),
                "doctor",
                "--format",
                "json",
                "--no-collector.ntpd",
                "--no-collector.timesyncd",
                "--collector.chrony.path=" + TestDaemons.get().chronyc(),
                "--collector.chrony.args=-h " + chronyd.socketPath()));
    command.addAll(List.of(extra));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().putAll(env);
    Process p = builder.start();
    String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("doctor ends").isTrue();
    JsonNode json = JSON.readTree(stdout);
    Map<String, String> findings = new TreeMap<>();
    json.path("findings")
        .forEach(f -> findings.putIfAbsent(f.path("id").asText(), f.path("severity").asText()));
    int expected =
        switch (json.path("worst").asText()) {
          case "critical" -> 2;
          case "warning" -> 1;
          default -> 0;
        };
    assertThat(p.exitValue()).as("exit code of %s", stdout).isEqualTo(expected);
    return new Diagnosis(p.exitValue(), findings, json);
  }

  private static JsonNode finding(Diagnosis d, String id) {
    for (JsonNode f : d.json().path("findings")) {
      if (f.path("id").asText().equals(id)) {
        return f;
      }
    }
    throw new AssertionError("no finding " + id + " in " + d.json());
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
    JsonNode offset = finding(d, "offset-critical");
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
      JsonNode f = finding(d, "prometheus-clock-differs");
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
    JsonNode ahead = finding(d, "probe-clock-differs");
    assertThat(ahead.path("subject").asText()).isEqualTo("probe " + RANGE.hostPort(0));
    assertThat(ahead.path("summary").asText())
        .matches(
            "This host's clock is 7[234]\\.\\d{3} s behind "
                + RANGE.hostPort(0).replace(".", "\\.")
                + "'s\\.");
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
