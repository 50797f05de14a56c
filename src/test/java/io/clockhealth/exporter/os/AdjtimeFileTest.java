package io.clockhealth.exporter.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdjtimeFileTest {

  @TempDir Path dir;

  @Test
  void line3LocalMeansTheRtcKeepsLocalTime() throws IOException {
    assertThat(AdjtimeFile.rtcInLocalTime(HostTrees.copy("rtc-local-two-daemons", dir).etc()))
        .contains(true);
  }

  @Test
  void aFileOfTwoLinesMeansUtcAsHwclockReadsIt() throws IOException {
    assertThat(AdjtimeFile.rtcInLocalTime(HostTrees.copy("copied-localtime", dir).etc()))
        .contains(false);
  }

  @Test
  void noFileSaysNothing() throws IOException {
    assertThat(AdjtimeFile.rtcInLocalTime(HostTrees.copy("firecracker-vm", dir).etc())).isEmpty();
  }

  @Test
  void anotherWordOnLine3IsAFailure() throws IOException {
    Files.writeString(dir.resolve("adjtime"), "0.0 0 0.0\n0\nGMT\n");
    assertThatThrownBy(() -> AdjtimeFile.rtcInLocalTime(dir))
        .hasMessageContaining("line 3 is neither UTC nor LOCAL: GMT");
  }
}
