package io.clockhealth.exporter.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The probe's choice among its samples, its stop at a kiss, and its spacing, on given replies. */
class ProberTest {

  private static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 123);

  private final Deque<Object> answers = new ArrayDeque<>();
  private final List<Duration> pauses = new ArrayList<>();
  private int asked;

  private final Prober prober =
      new Prober(
          (server, version, timeout) -> {
            asked++;
            Object next = answers.poll();
            if (next instanceof IOException e) {
              throw e;
            }
            return new NtpClient.Exchange((ProbeSample) next, 0);
          },
          pauses::add);

  private static ProbeSample sample(int stratum, int leap, int referenceId, long delayMillis) {
    return Replies.sample(stratum, leap, referenceId, delayMillis);
  }

  private static ProbeModule samples(int n) {
    return new ProbeModule(4, n, Duration.ofMillis(1), Duration.ofSeconds(30));
  }

  @Test
  void theUsableReplyWithTheLeastDelayIsKept() throws InterruptedException {
    answers.add(sample(2, 0, 0x0A000001, 9));
    answers.add(sample(2, 0, 0x0A000001, 3));
    answers.add(sample(2, 0, 0x0A000001, 5));
    Prober.Result r = prober.probe(SERVER, samples(3));
    assertThat(r.success()).isTrue();
    assertThat(r.usable()).isEqualTo(3);
    assertThat(r.best()).get().extracting(ProbeSample::delaySeconds).isEqualTo(0.003);
    assertThat(pauses).as("spaced, between samples only").hasSize(2);
  }

  @Test
  void anUnsynchronisedServerIsReachableButNotASuccessAndItsReplyIsShown()
      throws InterruptedException {
    answers.add(sample(0, 3, 0, 1));
    Prober.Result r = prober.probe(SERVER, samples(1));
    assertThat(r.reachable()).isTrue();
    assertThat(r.success()).isFalse();
    assertThat(r.kissCode()).as("stratum 0 with reference ID 0 is no kiss").isEmpty();
    assertThat(r.best()).get().extracting(s -> s.reply().leap()).isEqualTo(3);
  }

  @Test
  void aKissEndsTheProbeAtOnce() throws InterruptedException {
    answers.add(sample(2, 0, 0x0A000001, 2));
    answers.add(sample(0, 3, 0x52415445, 2)); // RATE
    answers.add(sample(2, 0, 0x0A000001, 1));
    Prober.Result r = prober.probe(SERVER, samples(3));
    assertThat(asked).as("no request after the kiss").isEqualTo(2);
    assertThat(r.usable()).isEqualTo(1);
    assertThat(r.replies()).isEqualTo(2);
    assertThat(r.kissCode()).as("the kiss, though the best reply is the good one").hasValue("RATE");
    assertThat(r.best()).get().extracting(s -> s.reply().stratum()).isEqualTo(2);
  }

  @Test
  void aTimeoutIsNotReachableAndSaysWhy() throws InterruptedException {
    answers.add(new SocketTimeoutException("no reply within 500 ms"));
    Prober.Result r = prober.probe(SERVER, samples(1));
    assertThat(r.reachable()).isFalse();
    assertThat(r.failure()).isEqualTo("SocketTimeoutException: no reply within 500 ms");
  }

  @Test
  void oneLostSampleOfThreeStillSucceeds() throws InterruptedException {
    answers.add(new SocketTimeoutException("no reply within 500 ms"));
    answers.add(sample(2, 0, 0x0A000001, 4));
    answers.add(new SocketTimeoutException("no reply within 500 ms"));
    Prober.Result r = prober.probe(SERVER, samples(3));
    assertThat(r.success()).isTrue();
    assertThat(r.replies()).isEqualTo(1);
  }
}
