package io.clockhealth.exporter.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything one scrape learnt from one daemon. {@code daemonUp} is {@code null} when it is unknown
 * whether the daemon answered (e.g. the tool itself is missing); {@code system} is {@code null}
 * when the system view could not be read. {@code host} is what the daemon's tool said about the
 * host beyond the daemon (timedatectl: timedated's settings), written without a {@code daemon}
 * label. {@code clients} is a time server's client log; {@code null} when not asked for. {@code
 * ptp} is what a PTP daemon says of its ports and grandmaster; {@code null} for the others.
 */
public record DaemonReport(
    Daemon daemon,
    @Nullable Boolean daemonUp,
    @Nullable SystemStatus system,
    List<SourceStatus> sources,
    List<ServerStat> serverStats,
    HostClock host,
    @Nullable ServerClients clients,
    @Nullable PtpStatus ptp) {

  public DaemonReport {
    sources = List.copyOf(sources);
    serverStats = List.copyOf(serverStats);
  }

  /** A report that says nothing about the host. */
  public DaemonReport(
      Daemon daemon,
      @Nullable Boolean daemonUp,
      @Nullable SystemStatus system,
      List<SourceStatus> sources,
      List<ServerStat> serverStats) {
    this(daemon, daemonUp, system, sources, serverStats, HostClock.NONE, null, null);
  }

  /** This report with only {@code kept} of its sources. */
  public DaemonReport withSources(List<SourceStatus> kept) {
    return new DaemonReport(daemon, daemonUp, system, kept, serverStats, host, clients, ptp);
  }

  public static DaemonReport empty(Daemon daemon, @Nullable Boolean daemonUp) {
    return new DaemonReport(daemon, daemonUp, null, List.of(), List.of());
  }
}
