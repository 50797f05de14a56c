package io.clockhealth.exporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clockhealth.exporter.testing.ExporterProcess;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built jar as a process: signals, standard streams and what reaches its log. */
class ProcessHardeningIT {

  @TempDir Path dir;

  private static final String[] NO_COLLECTORS = {
    "--no-collector.chrony", "--no-collector.ntpd", "--no-collector.timesyncd"
  };

  @Test
  void sighupReReadsTheWebConfigAndKeepsServing() throws Exception {
    Path web = dir.resolve("web.yml");
    Files.writeString(web, "http_server_config:\n  headers:\n    X-Frame-Options: deny\n");
    try (ExporterProcess exporter =
        ExporterProcess.builder(ProcessHardeningIT.class, "sighup")
            .args(NO_COLLECTORS)
            .args("--web.config.file=" + web)
            .start()) {
      assertThat(
              new ProcessBuilder("kill", "-HUP", Long.toString(exporter.pid())).start().waitFor())
          .isZero();
      Thread.sleep(1_500);
      assertThat(exporter.isAlive()).isTrue();
      assertThat(exporter.get("/-/healthy").statusCode()).isEqualTo(200);
      assertThat(exporter.log()).contains("SIGHUP: re-reading the web config").contains("reloaded");
    }
  }

  @Test
  void malformedHostHeadersAre400WithoutALogLinePerRequest() throws Exception {
    try (ExporterProcess exporter =
        ExporterProcess.builder(ProcessHardeningIT.class, "host").args(NO_COLLECTORS).start()) {
      for (int i = 0; i < 50; i++) {
        try (Socket socket = new Socket("127.0.0.1", exporter.port())) {
          socket.setSoTimeout(5_000);
          socket
              .getOutputStream()
              .write(
                  ("GET / HTTP/1.1\r\nHost: [" + "A".repeat(400) + "\r\n\r\n")
                      .getBytes(StandardCharsets.US_ASCII));
          InputStream in = socket.getInputStream();
          assertThat(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1))
              .startsWith("HTTP/1.1 400");
        }
      }
      assertThat(exporter.get("/-/healthy").statusCode()).isEqualTo(200);
      assertThat(exporter.log()).doesNotContain("Bad Authority").doesNotContain("AAAAAAAA");
    }
  }

  @Test
  void parseWithClosedStdinOrUnwritableStdoutFailsClearly() throws Exception {
    String jar = ExporterProcess.jar().toString();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path capture = dir.resolve("tracking.csv");
    Files.writeString(
        capture,
        "7F000017,127.0.0.23,11,1763728012.5,0.000015259,0.000000512,0.000005258,"
            + "-0.684,0.007,7.206,0.000045102,0.000005290,0.3,Normal\n");
    String parse = "'" + java + "' -jar '" + jar + "' parse --format chronyc-tracking ";
    Result closedStdin = sh(parse + "- <&-");
    assertThat(closedStdin.code).isEqualTo(2);
    assertThat(closedStdin.output).contains("standard input is closed");
    Result full = sh(parse + "'" + capture + "' > /dev/full");
    assertThat(full.code).isEqualTo(1);
    assertThat(full.output).contains("cannot write the metrics to standard output");
    Result closedStdout = sh(parse + "'" + capture + "' >&-");
    assertThat(closedStdout.code).isEqualTo(1);
  }

  private record Result(int code, String output) {}

  /** Runs {@code command} under sh, its stderr captured (stdout as the command redirects it). */
  private Result sh(String command) throws Exception {
    Path err = dir.resolve("stderr.txt");
    Process process =
        new ProcessBuilder(List.of("sh", "-c", command))
            .redirectError(err.toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), Files.readString(err));
  }
}
