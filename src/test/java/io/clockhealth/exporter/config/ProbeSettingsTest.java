package io.clockhealth.exporter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProbeSettingsTest {

  @TempDir Path dir;

  private ProbeSettings load(String yaml) throws IOException, ConfigException {
    Path file = dir.resolve("config.yml");
    Files.writeString(file, yaml);
    return ProbeSettings.resolve(new ConfigFileLoader().load(file));
  }

  @Test
  void withoutAProbeSectionTheNtpModuleAndAnyTarget() throws Exception {
    ProbeSettings s = ProbeSettings.resolve(ConfigFile.EMPTY);
    assertThat(s.modules()).containsOnlyKeys("ntp");
    assertThat(s.modules().get("ntp")).isEqualTo(ProbeSettings.DEFAULT);
    assertThat(s.allowsAny()).isTrue();
    assertThat(s.maxConcurrent()).isEqualTo(ProbeSettings.DEFAULT_MAX_CONCURRENT);
  }

  @Test
  void modulesAndAllowedTargetsAreRead() throws Exception {
    ProbeSettings s =
        load(
            """
            probe:
              max_concurrent: 4
              allowed_targets: ["10.0.0.0/8", "NTP1.example.com", "192.0.2.7", "fd00::/8"]
              modules:
                burst:
                  samples: 4
                  spacing: 500ms
                  timeout: 4s
                  version: 3
                  ip_protocol: ip6
            """);
    assertThat(s.maxConcurrent()).isEqualTo(4);
    assertThat(s.modules().get("burst"))
        .isEqualTo(
            new ProbeSettings.Module(
                3, 4, Duration.ofMillis(500), Duration.ofSeconds(4), ProbeSettings.IpProtocol.IP6));
    assertThat(s.modules()).containsKey("ntp");
    InetAddress inside = InetAddress.getByName("10.1.2.3");
    InetAddress outside = InetAddress.getByName("11.1.2.3");
    assertThat(s.allowedTargets().get(0).allows("x", inside)).isTrue();
    assertThat(s.allowedTargets().get(0).allows("x", outside)).isFalse();
    assertThat(s.allowedTargets().get(1).allows("ntp1.EXAMPLE.com", outside)).isTrue();
    assertThat(s.allowedTargets().get(1).allows("ntp2.example.com", outside)).isFalse();
    assertThat(s.allowedTargets().get(2).allows("x", InetAddress.getByName("192.0.2.7"))).isTrue();
    assertThat(s.allowedTargets().get(2).allows("x", InetAddress.getByName("192.0.2.8"))).isFalse();
    assertThat(s.allowedTargets().get(3).allows("x", InetAddress.getByName("fd12::1"))).isTrue();
    assertThat(s.allowedTargets().get(3).allows("x", inside)).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "modules: {fast: {samples: 0}} | probe.modules.fast.samples",
        "modules: {fast: {samples: 17}} | probe.modules.fast.samples",
        "modules: {fast: {version: 2}} | probe.modules.fast.version",
        "modules: {fast: {timeout: 2x}} | probe.modules.fast.timeout",
        "modules: {fast: {timeout: 61s}} | probe.modules.fast.timeout",
        "modules: {fast: {spacing: soon}} | probe.modules.fast.spacing",
        "modules: {fast: {samples: 3, spacing: 2s, timeout: 4s}} | probe.modules.fast:",
        "modules: {fast: {ip_protocol: ipx}} | probe.modules.fast.ip_protocol",
        "'modules: {\"bad name\": {}}' | probe.modules.bad name",
        "'allowed_targets: [\"10.0.0.0/33\"]' | probe.allowed_targets[0]",
        "'allowed_targets: [\"10.0.0.0/x\"]' | probe.allowed_targets[0]",
        "'allowed_targets: [\"ok.example\", \"999.1.1.1\"]' | probe.allowed_targets[1]",
        "'allowed_targets: [\"not a name\"]' | probe.allowed_targets[0]",
        "'allowed_targets: [\"host.example/8\"]' | probe.allowed_targets[0]",
        "max_concurrent: 0 | probe.max_concurrent"
      })
  void badValuesFailNamingTheirKey(String line, String key) {
    assertThatThrownBy(() -> load("probe:\n  " + line.replaceAll("^'|'$", "") + "\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(key);
  }
}
