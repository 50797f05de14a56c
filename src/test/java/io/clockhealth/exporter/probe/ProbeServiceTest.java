package io.clockhealth.exporter.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.clockhealth.exporter.config.ProbeSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** Flights, the cap, the deadline and the kiss hold of ProbeService, on a given exchanger. */
class ProbeServiceTest {

  private final AtomicInteger exchanges = new AtomicInteger();
  private volatile Duration lastTimeout = Duration.ZERO;
  private final CountDownLatch release = new CountDownLatch(1);
  private volatile int referenceId = 0x7F7F0101;
  private volatile int stratum = 10;
  private volatile boolean block;
  private ProbeService service;

  private ProbeService service(int maxConcurrent) {
    ProbeSettings settings =
        new ProbeSettings(Map.of("ntp", ProbeSettings.DEFAULT), List.of(), maxConcurrent);
    Prober prober =
        new Prober(
            (server, version, timeout) -> {
              exchanges.incrementAndGet();
              lastTimeout = timeout;
              if (block) {
                try {
                  release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
              return new NtpClient.Exchange(sample(), 0);
            },
            d -> {});
    service =
        new ProbeService(settings, prober, new KissOfDeath(System::nanoTime, mock(Logger.class)));
    return service;
  }

  @AfterEach
  void close() {
    service.close();
  }

  private ProbeSample sample() {
    return Replies.sample(stratum, 0, referenceId, 2);
  }

  private ProbeService.Answer ask(String target) {
    return service.probe(target, null, null);
  }

  @Test
  void concurrentRequestsForOneServerShareOneFlight() throws Exception {
    service(4);
    block = true;
    CompletableFuture<ProbeService.Answer> first =
        CompletableFuture.supplyAsync(() -> ask("127.0.0.1"));
    CompletableFuture<ProbeService.Answer> second =
        CompletableFuture.supplyAsync(() -> ask("127.0.0.1"));
    Thread.sleep(300);
    release.countDown();
    assertThat(first.get(5, TimeUnit.SECONDS)).isInstanceOf(ProbeService.Answer.Probed.class);
    assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(first.get());
    assertThat(exchanges).hasValue(1);
  }

  @Test
  void moreDistinctFlightsThanTheCapAre503() throws Exception {
    service(1);
    block = true;
    CompletableFuture<ProbeService.Answer> running =
        CompletableFuture.supplyAsync(() -> ask("127.0.0.1"));
    Thread.sleep(300);
    ProbeService.Answer other = ask("127.0.0.2");
    release.countDown();
    assertThat(other)
        .isInstanceOfSatisfying(
            ProbeService.Answer.Refused.class, r -> assertThat(r.status()).isEqualTo(503));
    assertThat(running.get(5, TimeUnit.SECONDS)).isInstanceOf(ProbeService.Answer.Probed.class);
  }

  @Test
  void aServerThatDeniedIsNotAskedAgainUntilReload() {
    service(4);
    stratum = 0;
    referenceId = 0x44454E59; // "DENY"
    ProbeService.Answer kissed = ask("127.0.0.1");
    ProbeService.Answer held = ask("127.0.0.1");
    assertThat(exchanges).hasValue(1);
    for (ProbeService.Answer a : List.of(kissed, held)) {
      assertThat(a)
          .isInstanceOfSatisfying(
              ProbeService.Answer.Probed.class,
              p -> {
                assertThat(p.report().kissCode()).isEqualTo("DENY");
                assertThat(p.report().success()).isFalse();
              });
    }
    assertThat(((ProbeService.Answer.Probed) held).report().reachable()).isFalse();
    service.reload();
    ask("127.0.0.1");
    assertThat(exchanges).hasValue(2);
  }

  @Test
  void unknownModulesAndBadTargetsAre400() {
    service(4);
    assertThat(service.probe("127.0.0.1", "nope", null))
        .isInstanceOfSatisfying(
            ProbeService.Answer.Refused.class, r -> assertThat(r.status()).isEqualTo(400));
    assertThat(service.probe(null, null, null)).isInstanceOf(ProbeService.Answer.Refused.class);
    assertThat(service.probe("host:0", null, null)).isInstanceOf(ProbeService.Answer.Refused.class);
    assertThat(exchanges).hasValue(0);
  }

  @Test
  void aShortScrapeTimeoutShortensTheProbe() {
    service(4);
    ProbeService.Answer a = service.probe("127.0.0.1", null, Duration.ofMillis(700));
    assertThat(a).isInstanceOf(ProbeService.Answer.Probed.class);
    assertThat(((ProbeService.Answer.Probed) a).report().success()).isTrue();
    // 700 ms - the 500 ms margin, less what resolving took; the module alone would allow 5 s
    assertThat(lastTimeout).isLessThanOrEqualTo(Duration.ofMillis(200)).isPositive();
    service.probe("127.0.0.1", null, null);
    assertThat(lastTimeout).isGreaterThan(Duration.ofSeconds(4));
  }
}
