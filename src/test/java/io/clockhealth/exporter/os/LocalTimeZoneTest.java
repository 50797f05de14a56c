package io.clockhealth.exporter.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalTimeZoneTest {

  @TempDir Path dir;

  @Test
  void theNameIsTheLinkTargetAfterZoneinfo() throws IOException {
    assertThat(LocalTimeZone.name(HostTrees.copy("firecracker-vm", dir).etc())).contains("Etc/UTC");
  }

  @Test
  void thePosixDirectoryHoldsTheSameZones() throws IOException {
    assertThat(LocalTimeZone.name(HostTrees.copy("rtc-local-two-daemons", dir).etc()))
        .contains("Europe/Berlin");
  }

  @Test
  void aCopiedLocaltimeFallsBackToEtcTimezone() throws IOException {
    assertThat(LocalTimeZone.name(HostTrees.copy("copied-localtime", dir).etc()))
        .contains("America/New_York");
  }

  @Test
  void rightZonesKeepTheirPrefixAndALinkOutsideZoneinfoNamesNothing() throws IOException {
    Files.createSymbolicLink(
        dir.resolve("localtime"), Path.of("/usr/share/zoneinfo/right/Europe/Berlin"));
    assertThat(LocalTimeZone.name(dir)).contains("right/Europe/Berlin");
    Files.delete(dir.resolve("localtime"));
    Files.createSymbolicLink(dir.resolve("localtime"), Path.of("/opt/tz/berlin"));
    assertThat(LocalTimeZone.name(dir)).isEmpty();
  }
}
