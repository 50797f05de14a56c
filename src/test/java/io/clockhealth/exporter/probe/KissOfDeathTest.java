package io.clockhealth.exporter.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class KissOfDeathTest {

  private static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 123);
  private long now = 1_000_000_000L;
  private final Logger log = mock(Logger.class);
  private final KissOfDeath kisses = new KissOfDeath(() -> now, log);

  private void advance(Duration d) {
    now += d.toNanos();
  }

  @Test
  void rateBacksOffDoublingUpTo16MinutesAndAGoodReplyEndsIt() {
    kisses.observe(SERVER, Optional.of("RATE"), false);
    assertThat(kisses.holding(SERVER)).contains("RATE");
    advance(Duration.ofSeconds(59));
    assertThat(kisses.holding(SERVER)).contains("RATE");
    advance(Duration.ofSeconds(1));
    assertThat(kisses.holding(SERVER)).isEmpty();
    Duration expected = Duration.ofMinutes(2);
    for (int i = 0; i < 6; i++) {
      kisses.observe(SERVER, Optional.of("RATE"), false);
      advance(expected.minusSeconds(1));
      assertThat(kisses.holding(SERVER)).as("back-off %s", expected).contains("RATE");
      advance(Duration.ofSeconds(1));
      assertThat(kisses.holding(SERVER)).isEmpty();
      expected =
          expected.multipliedBy(2).compareTo(KissOfDeath.MAX_BACKOFF) > 0
              ? KissOfDeath.MAX_BACKOFF
              : expected.multipliedBy(2);
    }
    kisses.observe(SERVER, Optional.empty(), true);
    kisses.observe(SERVER, Optional.of("RATE"), false);
    advance(KissOfDeath.FIRST_BACKOFF);
    assertThat(kisses.holding(SERVER)).as("a good reply started the back-off anew").isEmpty();
  }

  @Test
  void denyAndRstrHoldUntilTheOperatorReloadsWithOneWarning() {
    InetSocketAddress other = new InetSocketAddress("127.0.0.2", 123);
    kisses.observe(SERVER, Optional.of("DENY"), false);
    kisses.observe(other, Optional.of("RSTR"), false);
    kisses.observe(SERVER, Optional.of("DENY"), false);
    advance(Duration.ofDays(30));
    assertThat(kisses.holding(SERVER)).contains("DENY");
    assertThat(kisses.holding(other)).contains("RSTR");
    verify(log, times(2)).warn(anyString(), any(Object.class), any(Object.class));
    kisses.forgetRefusals();
    assertThat(kisses.holding(SERVER)).isEmpty();
    assertThat(kisses.holding(other)).isEmpty();
  }

  @Test
  void otherCodesAndUnusableRepliesHoldNothing() {
    kisses.observe(SERVER, Optional.of("INIT"), false);
    kisses.observe(SERVER, Optional.empty(), false);
    assertThat(kisses.holding(SERVER)).isEmpty();
  }
}
