package io.clockhealth.exporter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileLoaderTest {

  private final ConfigFileLoader loader = new ConfigFileLoader();

  @Test
  void readsEveryKey(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("config.yml");
    Files.writeString(
        file,
        """
        web:
          listen_address: "127.0.0.1:9999"
          telemetry_path: /clock-metrics
        log_level: debug
        command_timeout: 1500ms
        max_output_bytes: 4096
        collectors:
          chrony:
            enabled: true
            path: /usr/bin/chronyc
            args: ["-h", "/run/chrony/chronyd.sock"]
            timeout: 3s
        """);
    ConfigFile config = loader.load(file);
    assertThat(config.web.listenAddress).isEqualTo("127.0.0.1:9999");
    assertThat(config.web.telemetryPath).isEqualTo("/clock-metrics");
    assertThat(config.logLevel).isEqualTo("debug");
    assertThat(config.commandTimeout).isEqualTo("1500ms");
    assertThat(config.maxOutputBytes).isEqualTo(4096);
    assertThat(config.collectors.chrony.enabled).isTrue();
    assertThat(config.collectors.chrony.args).containsExactly("-h", "/run/chrony/chronyd.sock");
  }

  @Test
  void namesAMisspeltKeyAndItsLine() {
    String yaml =
        """
        web:
          listen_address: ":39123"
        collectors:
          chrony:
            scarpe_interval: 15s
        """;
    assertThatThrownBy(() -> loader.parse("exporter.yml", yaml))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("exporter.yml:5")
        .hasMessageContaining("unknown key \"collectors.chrony.scarpe_interval\"")
        .hasMessageContaining("path");
  }

  @Test
  void namesAnUnknownTopLevelKey() {
    assertThatThrownBy(() -> loader.parse("c.yml", "log_level: info\nlisten: :1\n"))
        .hasMessageContaining("c.yml:2")
        .hasMessageContaining("unknown key \"listen\"");
  }

  @Test
  void namesAValueOfTheWrongType() {
    assertThatThrownBy(() -> loader.parse("c.yml", "max_output_bytes: lots\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("c.yml:1")
        .hasMessageContaining("max_output_bytes");
  }

  @Test
  void rejectsDuplicateKeys() {
    assertThatThrownBy(() -> loader.parse("c.yml", "log_level: info\nlog_level: debug\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("log_level");
  }

  @Test
  void rejectsInvalidYaml() {
    assertThatThrownBy(() -> loader.parse("c.yml", "web: [unclosed\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("c.yml");
  }

  @Test
  void aMissingFileIsAConfigError(@TempDir Path dir) {
    assertThatThrownBy(() -> loader.load(dir.resolve("nope.yml")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("nope.yml")
        .hasMessageContaining("no such file");
  }

  @Test
  void anOversizedFileFailsFastNamingTheCap(@TempDir Path dir) throws Exception {
    Path big = dir.resolve("big.yml");
    Files.writeString(big, "# " + "x".repeat(BoundedFiles.CONFIG_MAX_BYTES) + "\n");
    assertThatThrownBy(() -> new ConfigFileLoader().load(big))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("big.yml")
        .hasMessageContaining("larger than " + BoundedFiles.CONFIG_MAX_BYTES + " bytes");
  }

  @Test
  void aFifoOrADeviceIsRefusedWithoutReading(@TempDir Path dir) throws Exception {
    Path fifo = dir.resolve("fifo.yml");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    for (Path notAFile : List.of(fifo, Path.of("/dev/zero"))) {
      assertThatThrownBy(() -> new ConfigFileLoader().load(notAFile))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining(notAFile + ": not a regular file");
    }
  }

  @Test
  void anEmptyFileMeansDefaults() throws Exception {
    assertThat(loader.parse("c.yml", "\n")).isEqualTo(ConfigFile.EMPTY);
    assertThat(List.of(loader.parse("c.yml", "# only a comment\n")))
        .containsExactly(ConfigFile.EMPTY);
  }
}
