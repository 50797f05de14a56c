package io.clockhealth.exporter.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.clockhealth.exporter.testing.Chronyd;
import io.clockhealth.exporter.testing.ExporterProcess;
import io.clockhealth.exporter.testing.LoopbackRanges;
import io.clockhealth.exporter.testing.TestDaemons;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The review's soak, in CI: the real exporter jar with the shipped JVM flags watching a real
 * chronyd (a client of a {@code local stratum 10} server, so it has a source), scraped by 10
 * clients back to back for two minutes ({@code -Dsoak.seconds} to change). Every 5 s the exporter's
 * RSS, threads, open file descriptors, children and zombie children are sampled. After a 20 s
 * warm-up (the JIT, Jetty's pool and the allocator settle), none may grow beyond a stated bound
 * over the warm-up's own maximum: threads +4, fds +12 (pipes of the chronyc in flight), RSS +12
 * MiB. Single-flight means at most one chronyc at a time; no zombie is seen in two samples in a
 * row, and none is left when the load stops. Every scrape answers 200 with the collection a
 * success. The series goes to {@code target/it-daemons/SoakIT/samples.tsv}.
 *
 * <p>Both chronyd run with {@code -x} under {@code setpriv --bounding-set=-sys_time} (the {@link
 * Chronyd} fixture), on {@link LoopbackRanges#SOAK_IT}.
 */
class SoakIT {

  private static final LoopbackRanges RANGE = LoopbackRanges.SOAK_IT;
  private static final int CLIENTS = 10;
  private static final Duration SAMPLE_EVERY = Duration.ofSeconds(5);
  private static final Duration WARM_UP = Duration.ofSeconds(20);
  private static final int THREAD_SLACK = 4;
  private static final int FD_SLACK = 12;
  private static final long RSS_SLACK_KIB = 12 * 1024;

  private static Chronyd server;
  private static Chronyd client;

  record Sample(long atMillis, long rssKib, long threads, long fds, long children, long zombies) {
    String row() {
      return atMillis + "\t" + rssKib + "\t" + threads + "\t" + fds + "\t" + children + "\t"
          + zombies;
    }
  }

  @BeforeAll
  static void startChronyd() {
    server =
        Chronyd.builder(SoakIT.class, "server")
            .localServer(RANGE.address(0), RANGE.port(0))
            .start();
    client =
        Chronyd.builder(SoakIT.class, "client")
            .config(
                "server " + RANGE.address(0) + " port " + RANGE.port(0) + " iburst minpoll -2",
                "port 0")
            .start();
  }

  @AfterAll
  static void stopChronyd() {
    if (client != null) {
      client.stop();
    }
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void tenClientsForTwoMinutesGrowNothing() throws Exception {
    Duration soak = Duration.ofSeconds(Long.getLong("soak.seconds", 120));
    try (ExporterProcess exporter =
        ExporterProcess.builder(SoakIT.class, "soak")
            .args(
                "--collector.chrony",
                "--collector.chrony.path=" + TestDaemons.get().chronyc(),
                "--collector.chrony.args=-h " + client.socketPath(),
                "--no-collector.ntpd",
                "--no-collector.timesyncd")
            .shippedJvmFlags()
            .start()) {
      exporter.awaitScrape(Duration.ofSeconds(20), FaultChecks::assertHealthy);
      long pid = exporter.pid();
      ScrapeLoad load = ScrapeLoad.start(exporter, CLIENTS);
      List<Sample> samples = new ArrayList<>();
      long start = System.nanoTime();
      long lastZombieSample = -2;
      for (int n = 0; ; n++) {
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        if (elapsed >= soak.toMillis()) {
          break;
        }
        Sample s = sample(pid, elapsed);
        samples.add(s);
        if (s.zombies() > 0) {
          assertThat(lastZombieSample).as("a zombie in two samples in a row").isLessThan(n - 1);
          lastZombieSample = n;
        }
        assertThat(exporter.isAlive()).as("exporter alive\n%s", exporter.log()).isTrue();
        Thread.sleep(SAMPLE_EVERY.toMillis());
      }
      load.stop();

      Path tsv = TestDaemons.targetDir().resolve("it-daemons/SoakIT/samples.tsv");
      Files.createDirectories(tsv.getParent());
      Files.write(
          tsv,
          Stream.concat(
                  Stream.of("ms\trss_kib\tthreads\tfds\tchildren\tzombies"),
                  samples.stream().map(Sample::row))
              .toList());
      System.out.printf(
          "soak: %d scrapes (%d failed, at most 10 counted) in %s by %d clients; samples in %s%n",
          load.healthyScrapes(), load.problems().size(), soak, CLIENTS, tsv);

      assertThat(load.problems()).as("failed scrapes\n%s", exporter.log()).isEmpty();
      assertThat(load.healthyScrapes()).as("scrapes").isGreaterThan(CLIENTS * soak.toSeconds());
      List<Sample> warm = samples.stream().filter(s -> s.atMillis() < WARM_UP.toMillis()).toList();
      List<Sample> after =
          samples.stream().filter(s -> s.atMillis() >= WARM_UP.toMillis()).toList();
      assertThat(after).as("samples after the warm-up").hasSizeGreaterThan(2);
      long threads = warm.stream().mapToLong(Sample::threads).max().orElseThrow();
      long fds = warm.stream().mapToLong(Sample::fds).max().orElseThrow();
      long rss = warm.stream().mapToLong(Sample::rssKib).max().orElseThrow();
      for (Sample s : after) {
        assertThat(s.threads())
            .as("threads at %d ms", s.atMillis())
            .isLessThanOrEqualTo(threads + THREAD_SLACK);
        assertThat(s.fds()).as("fds at %d ms", s.atMillis()).isLessThanOrEqualTo(fds + FD_SLACK);
        assertThat(s.rssKib())
            .as("RSS KiB at %d ms", s.atMillis())
            .isLessThanOrEqualTo(rss + RSS_SLACK_KIB);
        assertThat(s.children()).as("children at %d ms", s.atMillis()).isLessThanOrEqualTo(1);
      }
      Thread.sleep(1000);
      Sample idle = sample(pid, -1);
      assertThat(idle.children()).as("children once the load stopped").isZero();
    }
  }

  private static Sample sample(long pid, long atMillis) {
    return new Sample(
        atMillis,
        ProcessTree.status(pid, "VmRSS"),
        ProcessTree.threads(pid),
        ProcessTree.openFiles(pid),
        ProcessTree.children(pid).size(),
        ProcessTree.zombieChildren(pid).size());
  }
}
