package io.clockhealth.exporter.diagnose;

import io.clockhealth.exporter.collect.ScrapeResult;
import io.clockhealth.exporter.model.PeerClockReading;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything the doctor judges: one collection, the host's role, and what the command line asked
 * for besides (time servers probed, the Prometheus server's clock).
 *
 * @param prometheus {@code null} when no {@code --prometheus} was given
 */
public record Examination(
    ScrapeResult scrape,
    Role role,
    List<ProbedServer> probes,
    @Nullable PeerClockReading prometheus) {

  public Examination {
    probes = List.copyOf(probes);
  }

  /** Only the collection: what the status page judges. */
  public static Examination of(ScrapeResult scrape, Role role) {
    return new Examination(scrape, role, List.of(), null);
  }
}
