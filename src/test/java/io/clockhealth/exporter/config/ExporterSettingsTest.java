package io.clockhealth.exporter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExporterSettingsTest {

  private final ConfigFileLoader loader = new ConfigFileLoader();

  @Test
  void defaultsWithoutFileOrFlags() throws Exception {
    ExporterSettings s = ExporterSettings.resolve(ConfigFile.EMPTY, Overrides.NONE);
    assertThat(s.listenAddress()).isEqualTo(new ListenAddress(null, 39123));
    assertThat(s.telemetryPath()).isEqualTo("/metrics");
    assertThat(s.logLevel()).isEqualTo("info");
    assertThat(s.chrony().enabled()).isNull();
    assertThat(s.chrony().path()).isEqualTo("chronyc");
    assertThat(s.chrony().args()).isEmpty();
    assertThat(s.chrony().timeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(s.chrony().maxOutputBytes()).isEqualTo(1 << 20);
  }

  @Test
  void fileOverridesDefaultsAndFlagsOverrideTheFile() throws Exception {
    ConfigFile file =
        loader.parse(
            "c.yml",
            """
            web: {listen_address: "127.0.0.1:1111", telemetry_path: /m}
            command_timeout: 5s
            collectors:
              chrony: {enabled: false, path: /opt/chronyc, args: ["-h", "127.0.0.1"], timeout: 3s}
            """);
    ExporterSettings fromFile = ExporterSettings.resolve(file, Overrides.NONE);
    assertThat(fromFile.listenAddress()).isEqualTo(new ListenAddress("127.0.0.1", 1111));
    assertThat(fromFile.telemetryPath()).isEqualTo("/m");
    assertThat(fromFile.chrony().enabled()).isFalse();
    assertThat(fromFile.chrony().path()).isEqualTo("/opt/chronyc");
    assertThat(fromFile.chrony().timeout()).isEqualTo(Duration.ofSeconds(3));

    Overrides flags =
        new Overrides(
            ":2222", null, "debug", "750ms", null, true, "/x/chronyc", List.of("-h", "/s.sock"));
    ExporterSettings both = ExporterSettings.resolve(file, flags);
    assertThat(both.listenAddress()).isEqualTo(new ListenAddress(null, 2222));
    assertThat(both.telemetryPath()).isEqualTo("/m");
    assertThat(both.logLevel()).isEqualTo("debug");
    assertThat(both.chrony().enabled()).isTrue();
    assertThat(both.chrony().path()).isEqualTo("/x/chronyc");
    assertThat(both.chrony().args()).containsExactly("-h", "/s.sock");
    assertThat(both.chrony().timeout()).isEqualTo(Duration.ofMillis(750));
  }

  @Test
  void badValuesNameTheirFlagOrKey() throws Exception {
    assertThatThrownBy(
            () ->
                ExporterSettings.resolve(
                    ConfigFile.EMPTY,
                    new Overrides("nonsense", null, null, null, null, null, null, null)))
        .hasMessageStartingWith("--web.listen-address");
    assertThatThrownBy(
            () ->
                ExporterSettings.resolve(
                    loader.parse("c.yml", "command_timeout: soon\n"), Overrides.NONE))
        .hasMessageStartingWith("command_timeout");
    assertThatThrownBy(
            () ->
                ExporterSettings.resolve(
                    ConfigFile.EMPTY,
                    new Overrides(null, null, "verbose", null, null, null, null, null)))
        .hasMessageStartingWith("--log.level");
    assertThatThrownBy(
            () ->
                ExporterSettings.resolve(
                    loader.parse("c.yml", "web: {telemetry_path: metrics}\n"), Overrides.NONE))
        .hasMessageStartingWith("web.telemetry_path");
    assertThatThrownBy(
            () ->
                ExporterSettings.resolve(
                    loader.parse("c.yml", "max_output_bytes: 0\n"), Overrides.NONE))
        .hasMessageStartingWith("max_output_bytes");
  }

  @Test
  void parsesListenAddresses() throws Exception {
    assertThat(ListenAddress.parse("k", ":39123")).isEqualTo(new ListenAddress(null, 39123));
    assertThat(ListenAddress.parse("k", "[::1]:80")).isEqualTo(new ListenAddress("::1", 80));
    assertThat(ListenAddress.parse("k", "127.0.0.1:0").toString()).isEqualTo("127.0.0.1:0");
    assertThatThrownBy(() -> ListenAddress.parse("k", "::1:80")).hasMessageContaining("brackets");
    assertThatThrownBy(() -> ListenAddress.parse("k", "host:99999"))
        .hasMessageContaining("out of range");
  }

  @Test
  void parsesDurations() throws Exception {
    assertThat(Durations.parse("k", "2s")).isEqualTo(Duration.ofSeconds(2));
    assertThat(Durations.parse("k", "250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(Durations.parse("k", "1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(Durations.parse("k", "1m")).isEqualTo(Duration.ofMinutes(1));
    assertThatThrownBy(() -> Durations.parse("k", "2")).hasMessageStartingWith("k:");
    assertThatThrownBy(() -> Durations.parse("k", "0s")).hasMessageContaining("at least");
  }
}
