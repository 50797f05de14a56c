package io.clockhealth.exporter.collect.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimeDaemonsTest {

  @Test
  void knownDaemonsByTheirCutCommOthersIgnored() {
    assertThat(
            TimeDaemons.among(
                List.of("sshd", "systemd-timesyn", "chronyd", "ptp4l", "phc2sys", "ntp-daemon")))
        .containsExactly("chronyd", "ntpd-rs", "phc2sys", "ptp4l", "systemd-timesyncd");
  }

  @Test
  void twoProcessesOfOneDaemonAreOneSeries() {
    assertThat(TimeDaemons.among(List.of("ntpd", "ntpd"))).containsExactly("ntpd");
    assertThat(TimeDaemons.among(List.of("bash", "java"))).isEmpty();
  }
}
