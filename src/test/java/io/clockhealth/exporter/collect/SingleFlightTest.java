package io.clockhealth.exporter.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SingleFlightTest {

  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final AtomicInteger runs = new AtomicInteger();

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void concurrentCallersShareOneRun() throws Exception {
    SingleFlight<Integer> flight = new SingleFlight<>(executor, Duration.ZERO, System::nanoTime);
    CountDownLatch release = new CountDownLatch(1);
    List<CompletableFuture<Integer>> callers = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      callers.add(
          flight.get(
              () -> {
                await(release);
                return runs.incrementAndGet();
              }));
    }
    release.countDown();
    for (CompletableFuture<Integer> caller : callers) {
      assertThat(caller.get(5, TimeUnit.SECONDS)).isEqualTo(1);
    }
    assertThat(runs).hasValue(1);
  }

  @Test
  void withoutAMinimumIntervalTheNextCallerGetsAFreshRun() throws Exception {
    SingleFlight<Integer> flight = new SingleFlight<>(executor, Duration.ZERO, System::nanoTime);
    assertThat(flight.get(runs::incrementAndGet).get(5, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(flight.get(runs::incrementAndGet).get(5, TimeUnit.SECONDS)).isEqualTo(2);
  }

  @Test
  void aMinimumIntervalReusesTheLastResultUntilItExpires() throws Exception {
    AtomicLong now = new AtomicLong();
    SingleFlight<Integer> flight = new SingleFlight<>(executor, Duration.ofSeconds(1), now::get);
    assertThat(flight.get(runs::incrementAndGet).get(5, TimeUnit.SECONDS)).isEqualTo(1);
    now.addAndGet(Duration.ofMillis(999).toNanos());
    assertThat(flight.get(runs::incrementAndGet).get(5, TimeUnit.SECONDS)).isEqualTo(1);
    now.addAndGet(Duration.ofMillis(2).toNanos());
    assertThat(flight.get(runs::incrementAndGet).get(5, TimeUnit.SECONDS)).isEqualTo(2);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
