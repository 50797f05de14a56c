package io.clockhealth.exporter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clockhealth.exporter.model.Daemon;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExporterSettingsTest {

  private final ConfigFileLoader loader = new ConfigFileLoader();

  @Test
  void defaultsWithoutFileOrFlags() throws Exception {
    ExporterSettings s = ExporterSettings.resolve(ConfigFile.EMPTY, Overrides.NONE);
    assertThat(s.web().listenAddress()).isEqualTo(new ListenAddress(null, 39123));
    assertThat(s.web().telemetryPath()).isEqualTo("/metrics");
    assertThat(s.logLevel()).isEqualTo("info");
    assertThat(s.tool(Daemon.CHRONY).enabled()).isNull();
    assertThat(s.tool(Daemon.CHRONY).path()).isEqualTo("chronyc");
    assertThat(s.tool(Daemon.CHRONY).args()).isEmpty();
    assertThat(s.tool(Daemon.CHRONY).timeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(s.tool(Daemon.CHRONY).maxOutputBytes()).isEqualTo(1 << 20);
    assertThat(s.tool(Daemon.NTPD).path()).isEqualTo("ntpq");
    assertThat(s.tool(Daemon.TIMESYNCD).path()).isEqualTo("timedatectl");
    assertThat(s.maxSources()).isEqualTo(ExporterSettings.DEFAULT_MAX_SOURCES);
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
    assertThat(fromFile.web().listenAddress()).isEqualTo(new ListenAddress("127.0.0.1", 1111));
    assertThat(fromFile.web().telemetryPath()).isEqualTo("/m");
    assertThat(fromFile.tool(Daemon.CHRONY).enabled()).isFalse();
    assertThat(fromFile.tool(Daemon.CHRONY).path()).isEqualTo("/opt/chronyc");
    assertThat(fromFile.tool(Daemon.CHRONY).timeout()).isEqualTo(Duration.ofSeconds(3));

    Overrides flags =
        new Overrides(
            ":2222",
            null,
            null,
            null,
            "debug",
            "750ms",
            null,
            25,
            null,
            null,
            null,
            new HostPaths.Flags(null, "/", null),
            PtpSettings.Flags.NONE,
            Map.of(Daemon.CHRONY, new ToolOverrides(true, "/x/chronyc", List.of("-h", "/s.sock"))));
    ExporterSettings both = ExporterSettings.resolve(file, flags);
    assertThat(both.hostPaths())
        .isEqualTo(new HostPaths(Path.of("/proc"), Path.of("/"), Path.of("/")));
    assertThat(both.web().listenAddress()).isEqualTo(new ListenAddress(null, 2222));
    assertThat(both.web().telemetryPath()).isEqualTo("/m");
    assertThat(both.logLevel()).isEqualTo("debug");
    assertThat(both.tool(Daemon.CHRONY).enabled()).isTrue();
    assertThat(both.tool(Daemon.CHRONY).path()).isEqualTo("/x/chronyc");
    assertThat(both.tool(Daemon.CHRONY).args()).containsExactly("-h", "/s.sock");
    assertThat(both.tool(Daemon.CHRONY).timeout()).isEqualTo(Duration.ofMillis(750));
    assertThat(both.maxSources()).isEqualTo(25);
  }

  /** Only these flags given: the listen address, telemetry path, log level and host paths. */
  private static Overrides flags(
      String listen, String telemetryPath, String logLevel, HostPaths.Flags paths) {
    return new Overrides(
        listen,
        telemetryPath,
        null,
        null,
        logLevel,
        null,
        null,
        null,
        null,
        null,
        null,
        paths,
        PtpSettings.Flags.NONE,
        Map.of());
  }

  @Test
  void badValuesNameTheirFlagOrKey() throws Exception {
    assertThatThrownBy(
            () ->
                ExporterSettings.resolve(
                    ConfigFile.EMPTY, flags("nonsense", null, null, HostPaths.Flags.NONE)))
        .hasMessageStartingWith("--web.listen-address");
    assertThatThrownBy(
            () ->
                ExporterSettings.resolve(
                    loader.parse("c.yml", "command_timeout: soon\n"), Overrides.NONE))
        .hasMessageStartingWith("command_timeout");
    assertThatThrownBy(
            () ->
                ExporterSettings.resolve(
                    ConfigFile.EMPTY, flags(null, null, "verbose", HostPaths.Flags.NONE)))
        .hasMessageStartingWith("--log.level");
    assertThatThrownBy(
            () ->
                ExporterSettings.resolve(
                    ConfigFile.EMPTY,
                    flags(null, null, null, new HostPaths.Flags(null, "/no/such/sys", null))))
        .hasMessage("--path.sysfs: /no/such/sys is not a directory");
    assertThatThrownBy(
            () ->
                ExporterSettings.resolve(
                    loader.parse("c.yml", "web: {telemetry_path: metrics}\n"), Overrides.NONE))
        .hasMessageStartingWith("web.telemetry_path");
    for (String wildcard : List.of("/metrics/*", "*.prom", "/m?x")) {
      assertThatThrownBy(
              () ->
                  ExporterSettings.resolve(
                      ConfigFile.EMPTY, flags(null, wildcard, null, HostPaths.Flags.NONE)))
          .as(wildcard)
          .hasMessageStartingWith("--web.telemetry-path");
    }
    assertThatThrownBy(
            () ->
                ExporterSettings.resolve(
                    loader.parse("c.yml", "max_output_bytes: 0\n"), Overrides.NONE))
        .hasMessageStartingWith("max_output_bytes");
    assertThatThrownBy(
            () ->
                ExporterSettings.resolve(loader.parse("c.yml", "max_sources: 0\n"), Overrides.NONE))
        .hasMessageStartingWith("max_sources");
    assertThat(
            ExporterSettings.resolve(loader.parse("c.yml", "max_sources: 40\n"), Overrides.NONE)
                .maxSources())
        .isEqualTo(40);
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
