package io.clockhealth.exporter.collect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailureLogTest {

  @Test
  void theSameCauseFromAnotherCommandIsTheSameCause() {
    String fromSources =
        "command \"chronyc -n -c sources\" reported \"Could not open connection to daemon\"; "
            + "command \"chronyc -n -c sourcestats\" reported \"Could not open connection to daemon\"";
    String fromTracking =
        "command \"chronyc -n -c tracking\" reported \"Could not open connection to daemon\"";
    assertThat(FailureLog.cause(fromSources)).isEqualTo(FailureLog.cause(fromTracking));
    assertThat(FailureLog.cause(fromTracking))
        .isNotEqualTo(
            FailureLog.cause("command \"chronyc -n -c tracking\" timed out after 2000 ms"));
  }
}
