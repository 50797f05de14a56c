package io.clockhealth.exporter.faults;

import static io.clockhealth.exporter.faults.FaultChecks.assertOneWarning;
import static io.clockhealth.exporter.faults.FaultChecks.chronyOnly;
import static io.clockhealth.exporter.faults.FaultChecks.logMark;
import static org.assertj.core.api.Assertions.assertThat;

import io.clockhealth.exporter.testing.Chronyd;
import io.clockhealth.exporter.testing.ExporterProcess;
import io.clockhealth.exporter.testing.PidsCgroup;
import io.clockhealth.exporter.testing.ScrapedMetrics;
import io.clockhealth.exporter.testing.TestDaemons;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The exporter under a real pids cgroup limit, as systemd's {@code TasksMax=96} or a Kubernetes
 * pids limit sets it, with the JVM flags it ships with, against a real chronyd (socket only, no
 * network): under 10 concurrent scrapers its threads and children stay far below the limit; when
 * the limit is squeezed to what it already uses (no thread or process can be made) a scrape still
 * answers, fails the collector with one WARN line, and the first scrape after the limit is lifted
 * succeeds again, with no zombie left.
 */
class TasksLimitIT {

  private static final int TASKS_MAX = 96;
  private static final int CLIENTS = 10;
  private static final Duration LOAD = Duration.ofSeconds(8);

  /**
   * Tasks the exporter may use under load: its ~25 threads, one chronyc and what the JDK starts
   * around it. Far below TASKS_MAX, so the limit is never what stops it.
   */
  private static final int TASKS_BOUND = 40;

  @Test
  void staysBoundedUnderATasksLimitAndRecoversAfterASqueeze() throws Exception {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    try (Chronyd chronyd =
            Chronyd.builder(TasksLimitIT.class, "chronyd-" + marker)
                .config("local stratum 10", "port 0")
                .start();
        ExporterProcess exporter =
            ExporterProcess.builder(TasksLimitIT.class, "exporter-" + marker)
                .args(
                    chronyOnly(
                        TestDaemons.get().chronyc(),
                        "--collector.chrony.args=-h " + chronyd.socketPath()))
                .env("JAVA_TOOL_OPTIONS", ExporterProcess.shippedJvmFlags())
                .start();
        PidsCgroup cgroup = PidsCgroup.create("che-tasks-" + marker, TASKS_MAX)) {
      cgroup.add(exporter.pid());
      assertHealthy(exporter.scrape());

      AtomicInteger mostTasks = new AtomicInteger();
      List<String> problems = load(exporter, cgroup, mostTasks);
      assertThat(problems).as("failed scrapes under load\n%s", exporter.log()).isEmpty();
      assertThat(mostTasks.get()).as("most tasks under load").isLessThanOrEqualTo(TASKS_BOUND);

      int mark = logMark(exporter);
      cgroup.setMax(cgroup.current());
      ScrapedMetrics squeezed = exporter.scrape();
      assertThat(squeezed.valueOf("clock_scrape_collector_success", "collector", "chrony"))
          .as("collector success with no task to spare\n%s", exporter.log())
          .isEqualTo(0.0);
      assertThat(squeezed.value("clock_offset_seconds", "daemon", "chrony")).isEmpty();
      assertOneWarning(
          exporter, mark, TestDaemons.get().chronyc().toString(), "could not be started");

      cgroup.setMax(TASKS_MAX);
      assertHealthy(exporter.scrape());
      assertThat(ProcessTree.zombieChildren(exporter.pid())).as("zombie children").isEmpty();
      assertThat(exporter.isAlive()).isTrue();
    }
  }

  private static void assertHealthy(ScrapedMetrics m) {
    assertThat(m.valueOf("clock_scrape_collector_success", "collector", "chrony")).isEqualTo(1.0);
    assertThat(m.has("clock_offset_seconds", "daemon", "chrony")).isTrue();
  }

  /** {@link #CLIENTS} clients scraping back to back for {@link #LOAD}, tasks sampled meanwhile. */
  private static List<String> load(
      ExporterProcess exporter, PidsCgroup cgroup, AtomicInteger mostTasks) throws Exception {
    long end = System.nanoTime() + LOAD.toNanos();
    ScrapeLoad load = ScrapeLoad.start(exporter, CLIENTS);
    try {
      while (System.nanoTime() < end && load.problems().isEmpty()) {
        mostTasks.accumulateAndGet(cgroup.current(), Math::max);
        Thread.sleep(50);
      }
    } finally {
      load.stop();
    }
    return load.problems();
  }
}
