package io.clockhealth.exporter.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.clockhealth.exporter.config.ConfigFile;
import io.clockhealth.exporter.config.ExporterSettings;
import io.clockhealth.exporter.config.Overrides;
import io.clockhealth.exporter.config.ToolOverrides;
import io.clockhealth.exporter.config.ToolSettings;
import io.clockhealth.exporter.exec.ExecutableResolver;
import io.clockhealth.exporter.metrics.Daemon;
import io.clockhealth.exporter.metrics.DaemonReport;
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

  private List<String> enabled(Overrides overrides, List<Path> timesyncdBinaries) throws Exception {
    CollectorFactory factory =
        new CollectorFactory(
            new ExecutableResolver(bin.toString()), constructors, timesyncdBinaries);
    return factory.create(ExporterSettings.resolve(ConfigFile.EMPTY, overrides)).stream()
        .map(DaemonCollector::name)
        .toList();
  }

  @Test
  void autoDetectionEnablesWhatIsInstalled() throws Exception {
    install("chronyc");
    assertThat(enabled(Overrides.NONE, List.of())).containsExactly("chrony");
    install("ntpq");
    assertThat(enabled(Overrides.NONE, List.of())).containsExactly("chrony", "ntpd");
  }

  @Test
  void timedatectlAloneDoesNotEnableTimesyncd() throws Exception {
    install("timedatectl");
    assertThat(enabled(Overrides.NONE, List.of(bin.resolve("systemd-timesyncd")))).isEmpty();
    install("systemd-timesyncd");
    assertThat(enabled(Overrides.NONE, List.of(bin.resolve("systemd-timesyncd"))))
        .containsExactly("timesyncd");
  }

  @Test
  void flagsForceCollectorsOnAndOff() throws Exception {
    install("chronyc");
    Overrides overrides =
        new Overrides(
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            Map.of(
                Daemon.CHRONY, new ToolOverrides(false, null, null),
                Daemon.NTPD, new ToolOverrides(true, null, null)));
    assertThat(enabled(overrides, List.of())).containsExactly("ntpd");
  }
}
