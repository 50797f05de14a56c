package io.clockhealth.exporter.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.clockhealth.exporter.config.ConfigFile;
import io.clockhealth.exporter.config.ExporterSettings;
import io.clockhealth.exporter.config.Overrides;
import io.clockhealth.exporter.config.PtpSettings;
import io.clockhealth.exporter.config.ToolOverrides;
import io.clockhealth.exporter.config.ToolSettings;
import io.clockhealth.exporter.exec.ExecutableResolver;
import io.clockhealth.exporter.model.Daemon;
import io.clockhealth.exporter.model.DaemonReport;
import io.clockhealth.exporter.testing.Flags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectorFactoryTest {

  @TempDir Path bin;

  /** Stands in for {@code /}: {@code run/systemd/system}, the unit directories. */
  @TempDir Path root;

  private final Map<Daemon, Function<ToolSettings, DaemonCollector>> constructors =
      new EnumMap<>(Daemon.class);

  CollectorFactoryTest() {
    for (Daemon daemon : Daemon.values()) {
      constructors.put(daemon, tool -> of(daemon));
    }
  }

  private static DaemonCollector of(Daemon daemon) {
    return FakeCollector.of(
        daemon, () -> new CollectionResult(true, DaemonReport.empty(Daemon.CHRONY, true)));
  }

  private void install(String tool) throws Exception {
    Path file = bin.resolve(tool);
    Files.writeString(file, "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
  }

  /** systemd as PID 1, and the timesyncd unit installed, in the tree {@link #root}. */
  private void bootWithSystemd() throws Exception {
    Files.createDirectories(root.resolve("run/systemd/system"));
  }

  private Path installUnit(String directory) throws Exception {
    Path unit = root.resolve(directory).resolve(CollectorFactory.TIMESYNCD_UNIT);
    Files.createDirectories(unit.getParent());
    Files.writeString(unit, "[Service]\nExecStart=/lib/systemd/systemd-timesyncd\n");
    return unit;
  }

  /** Whether this process may write a file, as the factory is told (tests run as root). */
  private boolean socketsWritable = true;

  private List<String> enabled(Overrides overrides) throws Exception {
    CollectorFactory factory =
        new CollectorFactory(
            new ExecutableResolver(bin.toString()), constructors, root, p -> socketsWritable);
    return factory.create(ExporterSettings.resolve(ConfigFile.EMPTY, overrides)).stream()
        .map(DaemonCollector::name)
        .toList();
  }

  /** Overrides of the collectors' settings only. */
  private static Overrides tools(Map<Daemon, ToolOverrides> tools) {
    return Flags.tools(tools);
  }

  private static Overrides forcing(Daemon daemon, boolean enabled) {
    return tools(Map.of(daemon, new ToolOverrides(enabled, null, null)));
  }

  @Test
  void autoDetectionEnablesWhatIsInstalled() throws Exception {
    install("chronyc");
    assertThat(enabled(Overrides.NONE)).containsExactly("chrony");
    install("ntpq");
    assertThat(enabled(Overrides.NONE)).containsExactly("chrony", "ntpd");
  }

  @Test
  void timedatectlAloneDoesNotEnableTimesyncd() throws Exception {
    install("timedatectl");
    assertThat(enabled(Overrides.NONE)).isEmpty();
    installUnit("lib/systemd/system");
    assertThat(enabled(Overrides.NONE)).as("unit installed, systemd not PID 1").isEmpty();
    bootWithSystemd();
    assertThat(enabled(Overrides.NONE)).containsExactly("timesyncd");
  }

  @Test
  void systemdAsPid1WithoutTheUnitDoesNotEnableTimesyncd() throws Exception {
    install("timedatectl");
    bootWithSystemd();
    assertThat(enabled(Overrides.NONE)).isEmpty();
    installUnit("usr/lib/systemd/system");
    assertThat(enabled(Overrides.NONE)).containsExactly("timesyncd");
  }

  @Test
  void aMaskedUnitDoesNotEnableTimesyncd() throws Exception {
    install("timedatectl");
    bootWithSystemd();
    installUnit("lib/systemd/system");
    Path mask = root.resolve("etc/systemd/system").resolve(CollectorFactory.TIMESYNCD_UNIT);
    Files.createDirectories(mask.getParent());
    Files.createSymbolicLink(mask, Path.of("/dev/null"));
    assertThat(enabled(Overrides.NONE)).isEmpty();
    Files.delete(mask);
    Files.writeString(mask, "");
    assertThat(enabled(Overrides.NONE)).as("an empty unit file masks it too").isEmpty();
    Files.delete(mask);
    assertThat(enabled(Overrides.NONE)).containsExactly("timesyncd");
  }

  @Test
  void pmcAloneDoesNotEnablePtpWithoutPtp4lsSocket() throws Exception {
    install("pmc");
    assertThat(enabled(Overrides.NONE)).as("no /var/run/ptp4l").isEmpty();
    Files.createDirectories(root.resolve("var/run"));
    Files.writeString(root.resolve("var/run/ptp4l"), "");
    assertThat(enabled(Overrides.NONE)).containsExactly("ptp");
  }

  @Test
  void aPtp4lSocketThisUserCannotWriteDoesNotEnablePtpUnlessForced() throws Exception {
    install("pmc");
    Files.createDirectories(root.resolve("var/run"));
    Files.writeString(root.resolve("var/run/ptp4l"), "");
    socketsWritable = false;
    assertThat(enabled(Overrides.NONE)).as("root's socket, an unprivileged exporter").isEmpty();
    assertThat(enabled(forcing(Daemon.PTP4L, true))).as("forced on").containsExactly("ptp");
  }

  @Test
  void theConfiguredPtpSocketIsTheOneLookedFor() throws Exception {
    install("pmc");
    Files.createDirectories(root.resolve("run/ptp"));
    Files.writeString(root.resolve("run/ptp/eth0.sock"), "");
    Overrides socket = Flags.ptp(new PtpSettings.Flags(null, "/run/ptp/eth0.sock", null));
    assertThat(enabled(socket)).containsExactly("ptp");
    assertThat(enabled(forcing(Daemon.PTP4L, true))).as("forced on").containsExactly("ptp");
  }

  @Test
  void forcingTimesyncdOnWorksWithoutSystemdAndWithoutTheTool() throws Exception {
    assertThat(enabled(forcing(Daemon.TIMESYNCD, true))).containsExactly("timesyncd");
    install("timedatectl");
    assertThat(enabled(forcing(Daemon.TIMESYNCD, true))).containsExactly("timesyncd");
  }

  @Test
  void flagsForceCollectorsOnAndOff() throws Exception {
    install("chronyc");
    Overrides overrides =
        tools(
            Map.of(
                Daemon.CHRONY, new ToolOverrides(false, null, null),
                Daemon.NTPD, new ToolOverrides(true, null, null)));
    assertThat(enabled(overrides)).containsExactly("ntpd");
  }
}
