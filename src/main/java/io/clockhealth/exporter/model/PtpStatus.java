package io.clockhealth.exporter.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a PTP daemon says beyond the daemon-neutral {@link SystemStatus}: its ports, the path to its
 * master and its grandmaster. A {@code null} component was not measured, or is not current (the
 * path delay and the Sync age of a clock that does not follow a master).
 *
 * @param lastSyncAgeSeconds how long ago the last Sync message came, served while a port is in
 *     {@code SLAVE}
 */
public record PtpStatus(
    List<PtpPort> ports,
    @Nullable Double meanPathDelaySeconds,
    @Nullable Integer stepsRemoved,
    @Nullable Double lastSyncAgeSeconds,
    @Nullable PtpGrandmaster grandmaster,
    @Nullable Double utcOffsetSeconds,
    @Nullable Boolean timeTraceable,
    @Nullable Boolean frequencyTraceable) {

  public PtpStatus {
    ports = List.copyOf(ports);
  }
}
