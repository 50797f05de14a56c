package io.clockhealth.exporter.web;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Findings 4 and 5: bounded bcrypt work, and passwords bcrypt cannot check. */
class PasswordCheckerTest {

  private static final String HASH =
      BCrypt.with(BCrypt.Version.VERSION_2Y).hashToString(10, "s3cret".toCharArray());

  @Test
  void theRightPasswordMatchesAndIsThenCheap() {
    PasswordChecker checker = new PasswordChecker(1);
    assertThat(checker.matches("prometheus", HASH, "s3cret")).isTrue();
    long start = System.nanoTime();
    assertThat(checker.matches("prometheus", HASH, "s3cret")).isTrue();
    assertThat((System.nanoTime() - start) / 1e6).isLessThan(5.0);
    assertThat(checker.matches("nobody", null, "s3cret")).isFalse();
  }

  @Test
  void aRepeatedWrongPasswordCostsOneBcrypt() {
    PasswordChecker checker = new PasswordChecker(1);
    assertThat(checker.matches("prometheus", HASH, "wrong")).isFalse();
    long start = System.nanoTime();
    for (int i = 0; i < 100; i++) {
      assertThat(checker.matches("prometheus", HASH, "wrong")).isFalse();
    }
    assertThat((System.nanoTime() - start) / 1e6).isLessThan(50.0);
  }

  @Test
  void passwordsLongerThanBcryptReadsAreRefusedWithoutThrowing() {
    PasswordChecker checker = new PasswordChecker(1);
    String longPassword = "p".repeat(PasswordChecker.MAX_PASSWORD_BYTES + 1);
    assertThat(checker.matches("prometheus", HASH, longPassword)).isFalse();
    assertThat(checker.matches("nobody", null, longPassword)).isFalse();
    // 72 bytes is still checked; multi-byte characters count as bytes
    assertThat(checker.matches("prometheus", HASH, "p".repeat(72))).isFalse();
    assertThat(checker.matches("prometheus", HASH, "é".repeat(37))).isFalse();
  }

  @Test
  void newGuessesBeyondThePermitsAreRefusedAtOnce() throws Exception {
    PasswordChecker checker = new PasswordChecker(1);
    int guesses = 8;
    ExecutorService pool = Executors.newFixedThreadPool(guesses);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Double>> millis = new ArrayList<>();
      for (int i = 0; i < guesses; i++) {
        String guess = "guess-" + i;
        millis.add(
            pool.submit(
                () -> {
                  go.await();
                  long start = System.nanoTime();
                  assertThat(checker.matches("prometheus", HASH, guess)).isFalse();
                  return (System.nanoTime() - start) / 1e6;
                }));
      }
      go.countDown();
      long quick = 0;
      for (Future<Double> m : millis) {
        if (m.get() < 5.0) {
          quick++;
        }
      }
      // One permit: at most a few guesses ran bcrypt (about 80 ms each), the rest were refused.
      assertThat(quick).isGreaterThanOrEqualTo(guesses - 3);
    } finally {
      pool.shutdownNow();
    }
  }
}
