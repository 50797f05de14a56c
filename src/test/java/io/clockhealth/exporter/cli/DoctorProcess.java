package io.clockhealth.exporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clockhealth.exporter.testing.ExporterProcess;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code doctor --format json} run as a process from the built jar, as an operator runs it; its
 * exit code is checked against the worst finding it printed.
 */
final class DoctorProcess {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DoctorProcess() {}

  /** The doctor's exit code and its findings, id to severity (the worst where an id repeats). */
  record Diagnosis(int exit, Map<String, String> findings, JsonNode json) {

    JsonNode finding(String id) {
      for (JsonNode f : json.path("findings")) {
        if (f.path("id").asText().equals(id)) {
          return f;
        }
      }
      throw new AssertionError("no finding " + id + " in " + json);
    }
  }

  /**
   * @param env added to the doctor's environment (e.g. libfaketime's)
   * @param args after {@code doctor --format json}
   */
  static Diagnosis run(Map<String, String> env, List<String> args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                "java", "-jar", ExporterProcess.jar().toString(), "doctor", "--format", "json"));
    command.addAll(args);
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().putAll(env);
    Process p = builder.start();
    String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("doctor ends").isTrue();
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
}
