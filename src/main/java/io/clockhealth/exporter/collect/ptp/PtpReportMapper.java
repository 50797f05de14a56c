package io.clockhealth.exporter.collect.ptp;

import io.clockhealth.exporter.model.Daemon;
import io.clockhealth.exporter.model.DaemonReport;
import io.clockhealth.exporter.model.HostClock;
import io.clockhealth.exporter.model.PtpGrandmaster;
import io.clockhealth.exporter.model.PtpPort;
import io.clockhealth.exporter.model.PtpPortState;
import io.clockhealth.exporter.model.PtpStatus;
import io.clockhealth.exporter.model.SystemStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Turns what pmc answered into the metric contract (docs/metrics.md, "PTP"), deciding health from
 * the fields that stay current: ptp4l keeps {@code offsetFromMaster} and {@code gmPresent} at their
 * last values after its master is lost, so only a port in {@code SLAVE} that received a Sync
 * recently counts as synchronised, and only then are the offset and the path delay served.
 */
final class PtpReportMapper {

  /** Sync intervals that may pass without a Sync before it is stale. */
  static final int FRESH_SYNC_INTERVALS = 3;

  /** Added to the allowed Sync age: the scrape's own delay and scheduling. */
  static final double FRESH_MARGIN_SECONDS = 1.0;

  private PtpReportMapper() {}

  static DaemonReport report(PmcBatch batch, Instant now) {
    PortDataSet ports = batch.ports();
    Optional<PortDataSet.Port> slave =
        ports == null
            ? Optional.empty()
            : ports.ports().stream().filter(p -> p.state() == PtpPortState.SLAVE).findFirst();
    boolean grandmaster = isGrandmaster(batch);
    Double age = slave.isPresent() ? syncAgeSeconds(batch, now) : null;
    Boolean synced = null;
    if (grandmaster) {
      synced = true;
    } else if (ports != null && slave.isEmpty()) {
      synced = false;
    } else if (slave.isPresent() && batch.timeStatus() != null) {
      synced = age != null && fresh(age, slave.get().logSyncInterval());
    }
    boolean locked = Boolean.TRUE.equals(synced) && !grandmaster;
    CurrentDataSet current = batch.current();
    ParentDataSet parent = batch.parent();
    SystemStatus system =
        SystemStatus.builder()
            .synchronized_(synced)
            .offsetSeconds(locked && current != null ? current.offsetFromMasterNs() / 1e9 : null)
            .refId(parent == null ? null : parent.grandmasterIdentity())
            .reference(parent == null ? null : parent.parentPortIdentity())
            .build();
    TimeProperties time = batch.timeProperties();
    PtpStatus ptp =
        new PtpStatus(
            ports(batch),
            locked && current != null ? current.meanPathDelayNs() / 1e9 : null,
            current == null ? null : current.stepsRemoved(),
            age,
            parent == null
                ? null
                : new PtpGrandmaster(
                    parent.grandmasterIdentity(),
                    parent.grandmasterQuality().clockClass(),
                    parent.grandmasterQuality().clockAccuracy(),
                    time == null ? null : time.timeSource()),
            time != null && time.utcOffsetValid() ? (double) time.currentUtcOffset() : null,
            time == null ? null : time.timeTraceable(),
            time == null ? null : time.frequencyTraceable());
    return new DaemonReport(
        Daemon.PTP4L, true, system, List.of(), List.of(), HostClock.NONE, null, ptp);
  }

  /**
   * The grandmaster itself: a port that is master and no port that follows one, and the clock names
   * itself as grandmaster. It is the domain's reference, so it counts as synchronised.
   */
  static boolean isGrandmaster(PmcBatch batch) {
    PortDataSet ports = batch.ports();
    DefaultDataSet defaults = batch.defaults();
    ParentDataSet parent = batch.parent();
    if (ports == null || defaults == null || parent == null) {
      return false;
    }
    boolean master =
        ports.ports().stream()
            .anyMatch(
                p -> p.state() == PtpPortState.MASTER || p.state() == PtpPortState.GRAND_MASTER);
    boolean follows =
        ports.ports().stream()
            .anyMatch(
                p -> p.state() == PtpPortState.SLAVE || p.state() == PtpPortState.UNCALIBRATED);
    return master && !follows && defaults.clockIdentity().equals(parent.grandmasterIdentity());
  }

  /**
   * Whether a Sync {@code age} seconds old is recent: within {@value #FRESH_SYNC_INTERVALS} Sync
   * intervals plus {@value #FRESH_MARGIN_SECONDS} s, and not more than that margin in the future (a
   * clock other than this host's).
   */
  static boolean fresh(double age, int logSyncInterval) {
    double interval = Math.pow(2, logSyncInterval);
    return age >= -FRESH_MARGIN_SECONDS
        && age <= FRESH_SYNC_INTERVALS * interval + FRESH_MARGIN_SECONDS;
  }

  /**
   * Seconds since the last Sync; {@code null} when none came. Software timestamps are the host's
   * wall clock; hardware ones are the NIC's clock, which runs on TAI when the grandmaster uses the
   * PTP timescale, so the UTC offset is taken off first.
   */
  private static @Nullable Double syncAgeSeconds(PmcBatch batch, Instant now) {
    TimeStatus status = batch.timeStatus();
    if (status == null || status.ingressTimeNs() == 0) {
      return null;
    }
    long ingressNs = status.ingressTimeNs();
    TimeProperties time = batch.timeProperties();
    if (time != null && time.ptpTimescale() && hardwareTimestamps(batch)) {
      ingressNs -= time.currentUtcOffset() * 1_000_000_000L;
    }
    // In nanoseconds, exact: epoch nanoseconds fit a long until 2262.
    long nowNs = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    return (nowNs - ingressNs) / 1e9;
  }

  private static boolean hardwareTimestamps(PmcBatch batch) {
    PortProperties properties = batch.portProperties();
    return properties != null
        && properties.ports().stream().anyMatch(p -> !p.timestamping().equals("SOFTWARE"));
  }

  private static List<PtpPort> ports(PmcBatch batch) {
    List<PtpPort> ports = new ArrayList<>();
    PortDataSet data = batch.ports();
    if (data == null) {
      return ports;
    }
    for (PortDataSet.Port port : data.ports()) {
      ports.add(new PtpPort(portName(batch, port), port.state()));
    }
    return ports;
  }

  /** The port's interface when ptp4l names it, else its number. */
  private static String portName(PmcBatch batch, PortDataSet.Port port) {
    PortProperties properties = batch.portProperties();
    if (properties != null) {
      for (PortProperties.Port p : properties.ports()) {
        if (p.portIdentity().equals(port.portIdentity()) && !p.interfaceName().isBlank()) {
          return p.interfaceName();
        }
      }
    }
    return port.portNumber();
  }
}
