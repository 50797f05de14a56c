package io.clockhealth.exporter.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RtcDevicesTest {

  @TempDir Path dir;

  @Test
  void readsEachRtcsTimeAndWhetherItSetTheClockAtBoot() throws IOException {
    HostRoots roots = HostTrees.copy("rtc-local-two-daemons", dir);
    assertThat(RtcDevices.read(roots.sys()))
        .contains(List.of(new RtcDevices.Rtc("rtc0", 1_767_326_655L, true)));
  }

  @Test
  void aVmWithoutRtcHasNone() throws IOException {
    assertThat(RtcDevices.read(HostTrees.copy("firecracker-vm", dir).sys())).isEmpty();
  }

  @Test
  void anRtcWithoutTheAttributesIsListedWithoutThemAndOthersAreSortedByName() throws IOException {
    Path rtcs = dir.resolve(RtcDevices.CLASS);
    Files.createDirectories(rtcs.resolve("rtc1"));
    Files.createDirectories(rtcs.resolve("rtc0"));
    Files.writeString(rtcs.resolve("rtc0/hctosys"), "0\n");
    assertThat(RtcDevices.read(dir))
        .contains(
            List.of(
                new RtcDevices.Rtc("rtc0", null, false), new RtcDevices.Rtc("rtc1", null, null)));
  }

  @Test
  void aGarbledTimeIsAFailureNamingTheFile() throws IOException {
    Path rtc0 = dir.resolve(RtcDevices.CLASS).resolve("rtc0");
    Files.createDirectories(rtc0);
    Files.writeString(rtc0.resolve("since_epoch"), "soon\n");
    assertThatThrownBy(() -> RtcDevices.read(dir))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("since_epoch: not a number: soon");
  }
}
