package io.clockhealth.exporter.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClocksourcesTest {

  @TempDir Path dir;

  @Test
  void readsTheCurrentAndTheAvailableOnesWithoutTheTrailingSpace() throws IOException {
    HostRoots roots = HostTrees.copy("firecracker-vm", dir);
    assertThat(Clocksources.read(roots.sys()))
        .contains(new Clocksources.State("tsc", java.util.List.of("tsc", "kvm-clock")));
  }

  @Test
  void noClocksourceDeviceIsAbsentNotAFailure() throws IOException {
    assertThat(Clocksources.read(HostTrees.copy("copied-localtime", dir).sys())).isEmpty();
  }

  @Test
  void anEmptyCurrentClocksourceIsAFailure() throws IOException {
    Path device = dir.resolve(Clocksources.DEVICE);
    Files.createDirectories(device);
    Files.writeString(device.resolve("current_clocksource"), "\n");
    assertThatThrownBy(() -> Clocksources.read(dir)).hasMessageContaining("is empty");
  }
}
