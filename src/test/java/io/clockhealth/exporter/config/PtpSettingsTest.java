package io.clockhealth.exporter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clockhealth.exporter.model.Daemon;
import io.clockhealth.exporter.testing.Flags;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where pmc finds ptp4l: defaults, the config file's collectors.ptp, the flags over both. */
class PtpSettingsTest {

  private static Overrides flags(PtpSettings.Flags ptp) {
    return Flags.ptp(ptp);
  }

  @Test
  void defaultsAreTheLocalSocketInDomainZero() throws ConfigException {
    ExporterSettings s = ExporterSettings.resolve(ConfigFile.EMPTY, Overrides.NONE);
    assertThat(s.ptp()).isEqualTo(new PtpSettings("uds", "/var/run/ptp4l", 0));
    assertThat(s.ptp().pmcOptions()).containsExactly("-u", "-s", "/var/run/ptp4l", "-d", "0");
    assertThat(s.tool(Daemon.PTP4L).path()).isEqualTo("pmc");
  }

  @Test
  void theFileSetsThemAndTheFlagsWin(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("config.yml");
    Files.writeString(
        file,
        """
        collectors:
          ptp:
            path: /usr/sbin/pmc
            socket: /run/ptp4l-eth1
            domain: 24
            transport: UDP4
        """);
    ConfigFile config = new ConfigFileLoader().load(file);
    ExporterSettings fromFile = ExporterSettings.resolve(config, Overrides.NONE);
    assertThat(fromFile.ptp()).isEqualTo(new PtpSettings("udp4", "/run/ptp4l-eth1", 24));
    assertThat(fromFile.ptp().pmcOptions()).containsExactly("-4", "-d", "24");
    assertThat(fromFile.tool(Daemon.PTP4L).path()).isEqualTo("/usr/sbin/pmc");
    ExporterSettings both =
        ExporterSettings.resolve(config, flags(new PtpSettings.Flags("uds", "/run/p.sock", 1)));
    assertThat(both.ptp()).isEqualTo(new PtpSettings("uds", "/run/p.sock", 1));
  }

  @Test
  void badValuesNameTheirFlagOrKey() {
    assertThatThrownBy(
            () ->
                ExporterSettings.resolve(
                    ConfigFile.EMPTY, flags(new PtpSettings.Flags("ip", null, null))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("--collector.ptp.transport")
        .hasMessageContaining("\"ip\"");
    assertThatThrownBy(
            () ->
                ExporterSettings.resolve(
                    ConfigFile.EMPTY, flags(new PtpSettings.Flags(null, null, 256))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("--collector.ptp.domain: must be 0 to 255, not 256");
    assertThatThrownBy(
            () ->
                ExporterSettings.resolve(
                    ConfigFile.EMPTY, flags(new PtpSettings.Flags(null, " ", null))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("--collector.ptp.socket: must not be empty");
  }
}
