package io.clockhealth.exporter.probe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One probe of one server: up to {@link ProbeModule#samples} exchanges, {@link ProbeModule#spacing}
 * apart, all within the module's timeout. It stops early at a Kiss-o'-Death (the server asked to be
 * left alone). The result keeps the usable reply with the least delay, or the last reply when none
 * was usable, so an unsynchronised server still shows what it said.
 */
final class Prober {

  /** One exchange; {@link NtpClient#exchange} on the network. */
  @FunctionalInterface
  interface Exchanger {
    NtpClient.Exchange exchange(InetSocketAddress server, int version, Duration timeout)
        throws IOException;
  }

  /** What pausing between samples does; {@link Thread#sleep} in production. */
  @FunctionalInterface
  interface Pause {
    void pause(Duration d) throws InterruptedException;
  }

  /**
   * @param best the reply the metrics describe: the usable one with the least delay, else the last;
   *     empty when nothing answered
   * @param usable how many replies passed the sanity checks
   * @param replies how many well-formed replies came
   * @param kissCode the Kiss-o'-Death code the probe stopped at, if it did: it can follow usable
   *     replies of the same burst (a rate limit reached at the second sample), so it is not the
   *     best reply's
   * @param failure why the last exchange gave nothing (a timeout, a refused port), if it did not
   */
  record Result(
      Optional<ProbeSample> best,
      int usable,
      int replies,
      Optional<String> kissCode,
      @Nullable String failure) {

    boolean reachable() {
      return best.isPresent();
    }

    boolean success() {
      return usable > 0;
    }
  }

  private final Exchanger exchanger;
  private final Pause pause;

  Prober(Exchanger exchanger, Pause pause) {
    this.exchanger = exchanger;
    this.pause = pause;
  }

  Result probe(InetSocketAddress server, ProbeModule module) throws InterruptedException {
    long deadline = System.nanoTime() + module.timeout().toNanos();
    List<ProbeSample> usable = new ArrayList<>();
    @Nullable ProbeSample last = null;
    int replies = 0;
    @Nullable String failure = null;
    for (int i = 0; i < module.samples(); i++) {
      if (i > 0) {
        if (System.nanoTime() + module.spacing().toNanos() >= deadline) {
          break; // no time left for another sample and its reply
        }
        pause.pause(module.spacing());
      }
      Duration left = Duration.ofNanos(deadline - System.nanoTime());
      if (left.isNegative() || left.isZero()) {
        break;
      }
      try {
        ProbeSample sample = exchanger.exchange(server, module.version(), left).sample();
        replies++;
        last = sample;
        failure = null;
        if (sample.problems().isEmpty()) {
          usable.add(sample);
        }
        if (sample.reply().kissCode().isPresent()) {
          break; // RFC 5905 section 7.4: a kiss asks the client to stop or slow down
        }
      } catch (IOException e) {
        failure = e.getClass().getSimpleName() + ": " + e.getMessage();
      }
    }
    Optional<ProbeSample> lastReply = Optional.ofNullable(last);
    Optional<ProbeSample> best =
        usable.stream()
            .min(Comparator.comparingDouble(ProbeSample::delaySeconds))
            .or(() -> lastReply);
    // the loop ends at a kiss, so a kiss is the last reply
    return new Result(
        best, usable.size(), replies, lastReply.flatMap(s -> s.reply().kissCode()), failure);
  }
}
