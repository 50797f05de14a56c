package io.clockhealth.exporter.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessNamesTest {

  @TempDir Path dir;

  @Test
  void everyProcessCommOnlyFromPidDirectoriesSkippingOnesThatEnded() throws IOException {
    HostRoots roots = HostTrees.copy("rtc-local-two-daemons", dir);
    assertThat(ProcessNames.read(roots.proc()))
        .hasValueSatisfying(
            names ->
                assertThat(names).containsExactly("chronyd", "sshd", "systemd", "systemd-timesyn"));
  }

  @Test
  void noProcfsIsAbsent() throws IOException {
    assertThat(ProcessNames.read(HostTrees.copy("copied-localtime", dir).proc())).isEmpty();
  }

  @Test
  void theRealProcfsListsThisJvm() throws IOException {
    assertThat(ProcessNames.read(HostRoots.SYSTEM.proc()))
        .hasValueSatisfying(names -> assertThat(names).contains("java"));
  }
}
