package io.clockhealth.exporter.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything one scrape learnt from one daemon. {@code daemonUp} is {@code null} when it is unknown
 * whether the daemon answered (e.g. the tool itself is missing); {@code system} is {@code null}
 * when the system view could not be read. {@code host} is what the daemon's tool said about the
 * host beyond the daemon (timedatectl: timedated's settings), written without a {@code daemon}
 * label.
 */
public record DaemonReport(
    Daemon daemon,
    @Nullable Boolean daemonUp,
    @Nullable SystemStatus system,
    List<SourceStatus> sources,
    List<ServerStat> serverStats,
    HostClock host) {

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
    this(daemon, daemonUp, system, sources, serverStats, HostClock.NONE);
  }

  public static DaemonReport empty(Daemon daemon, @Nullable Boolean daemonUp) {
    return new DaemonReport(daemon, daemonUp, null, List.of(), List.of());
  }
}
