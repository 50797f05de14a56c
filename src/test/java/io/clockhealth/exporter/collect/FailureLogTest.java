package io.clockhealth.exporter.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

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

  @Test
  void toolOutputIsLoggedWithControlCharactersEscaped() {
    Logger logger = mock(Logger.class);
    new FailureLog(logger, "chrony")
        .failure("reported \"506 boom \u001b[31mRED\rFORGED \u009b2J \u0085next\u0007\"");
    verify(logger)
        .warn(
            "collector={} failed: {}",
            "chrony",
            "reported \"506 boom \\x1B[31mRED\\x0DFORGED \\x9B2J \\x85next\\x07\"");
  }
}
