package io.clockhealth.exporter.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The parts of {@link ToolLeftovers} that run in any process. Adopting and ending leftovers makes
 * the JVM a subreaper, so it is tested in the exporter's own process (ChronycFaultsIT).
 */
class ToolLeftoversTest {

  @Test
  void readsThePidsOfAChildrenFile() {
    List<Long> pids = new ArrayList<>();
    ToolLeftovers.addPids("4242 17 1048576 \n", pids);
    ToolLeftovers.addPids("", pids);
    ToolLeftovers.addPids("9", pids);
    assertThat(pids).containsExactly(4242L, 17L, 1048576L, 9L);
  }

  @Test
  void anIgnoringInstanceIsDisabledWithNothingToReport() {
    ToolLeftovers ignored = ToolLeftovers.ignored();
    assertThat(ignored.enabled()).isFalse();
    assertThat(ignored.disabledReason()).isEmpty();
  }
}
