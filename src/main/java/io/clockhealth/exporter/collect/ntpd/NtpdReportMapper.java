package io.clockhealth.exporter.collect.ntpd;

import io.clockhealth.exporter.model.LeapStatus;
import io.clockhealth.exporter.model.SourceMode;
import io.clockhealth.exporter.model.SourceState;
import io.clockhealth.exporter.model.SourceStatus;
import io.clockhealth.exporter.model.SystemStatus;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Maps parsed ntpq output onto the daemon-neutral metric model: base units (ms → s) and the
 * exporter's sign convention. ntpq prints offsets as server minus local, and ntpd's {@code
 * frequency} is the correction it applies to the clock (positive speeds it up, so the oscillator is
 * slow); both are negated, so that positive means this host's clock is ahead / runs fast.
 */
public final class NtpdReportMapper {

  /** ntpd's stratum for "not synchronised". */
  private static final int UNSYNCHRONISED_STRATUM = 16;

  private static final int LEAP_UNSYNCHRONISED = 3;
  private static final double MS_PER_SECOND = 1000.0;

  // ntpd's own clock as a source: the refid codes ntpd prints for it, with or without the dots.
  private static final Set<String> LOCAL_REFIDS = Set.of("LOCL", "LOCAL");
  // The classic local clock driver (type 1), by address or by name without -n.
  private static final Pattern LOCAL_CLOCK_PEER =
      Pattern.compile("127\\.127\\.1\\.\\d+|LOCAL\\(\\d+\\)");

  private NtpdReportMapper() {}

  /**
   * The system view from {@code rv}; {@code peers} (from {@code -p}, may be empty) supply the
   * selected source's name.
   */
  public static SystemStatus system(NtpqSysVars vars, List<NtpqPeer> peers) {
    Integer leap = vars.leapIndicator();
    String refId = vars.refid() == null ? null : withoutDots(vars.refid());
    String reference = systemPeer(peers);
    return SystemStatus.builder()
        .synchronized_(synchronised(leap, vars.stratum(), vars.peer()))
        .offsetSeconds(negatedSeconds(vars.offsetMs()))
        .frequencyPpm(vars.frequencyPpm() == null ? null : 0.0 - vars.frequencyPpm())
        .rootDelaySeconds(seconds(vars.rootDelayMs()))
        .rootDispersionSeconds(seconds(vars.rootDispersionMs()))
        .stratum(vars.stratum())
        .refId(refId)
        .reference(reference)
        .referenceTimestampSeconds(vars.reftimeUnixSeconds())
        .pollIntervalSeconds(vars.tc() == null ? null : Math.pow(2, vars.tc()))
        .jitterSeconds(seconds(vars.sysJitterMs()))
        .leapStatus(leap == null ? null : leapStatus(leap))
        .localReference(
            (refId != null && LOCAL_REFIDS.contains(refId.toUpperCase(Locale.ROOT)))
                || LOCAL_CLOCK_PEER.matcher(reference).matches())
        .build();
  }

  public static List<SourceStatus> sources(List<NtpqPeer> peers) {
    return peers.stream().map(NtpdReportMapper::source).toList();
  }

  private static SourceStatus source(NtpqPeer p) {
    return SourceStatus.builder(p.remote())
        .mode(mode(p.type()))
        .refId(p.refid())
        .state(state(p.tally()))
        .offsetSeconds(negatedSeconds(p.offsetMs()))
        .delaySeconds(seconds(p.delayMs()))
        .jitterSeconds(seconds(p.jitterMs()))
        .stratum(p.stratum())
        .pollIntervalSeconds(p.pollSeconds())
        .reachability(p.reach())
        .lastSampleAgeSeconds(p.whenSeconds())
        .build();
  }

  /**
   * Unsynchronised when the leap indicator says so (11), the stratum is 16, or there is no system
   * peer ({@code peer=0}: ntpd keeps leap and stratum from its last source after losing it, so only
   * the missing peer tells); unknown when neither leap nor stratum was printed.
   */
  static @Nullable Boolean synchronised(
      @Nullable Integer leap, @Nullable Integer stratum, @Nullable Integer systemPeer) {
    if ((leap != null && leap == LEAP_UNSYNCHRONISED)
        || (stratum != null && stratum >= UNSYNCHRONISED_STRATUM)
        || (systemPeer != null && systemPeer == 0)) {
      return false;
    }
    return (leap != null && stratum != null) ? Boolean.TRUE : null;
  }

  static LeapStatus leapStatus(int leap) {
    return switch (leap) {
      case 0 -> LeapStatus.NORMAL;
      case 1 -> LeapStatus.INSERT_SECOND;
      case 2 -> LeapStatus.DELETE_SECOND;
      default -> LeapStatus.UNSYNCHRONISED;
    };
  }

  static SourceState state(char tally) {
    return switch (tally) {
      case '*', 'o' -> SourceState.SELECTED;
      case '+' -> SourceState.COMBINED;
      case '-', '#', '.' -> SourceState.NOT_COMBINED;
      case 'x' -> SourceState.FALSETICKER;
      default -> SourceState.UNUSABLE;
    };
  }

  static SourceMode mode(char type) {
    if (Character.isDigit(type)) {
      // ntpsec: a unicast NTS server, the digit being the cookies it holds.
      return SourceMode.SERVER;
    }
    return switch (type) {
      case 'u' -> SourceMode.SERVER;
      case 'l' -> SourceMode.REFCLOCK;
      case 'p' -> SourceMode.POOL;
      case 'b', 'B', 'm', 'M' -> SourceMode.BROADCAST;
      case 's', 'S' -> SourceMode.PEER;
      default -> SourceMode.OTHER;
    };
  }

  /**
   * The remote of the system peer ({@code *}, or {@code o} when it is the PPS peer); "" if none.
   */
  private static String systemPeer(List<NtpqPeer> peers) {
    return peers.stream()
        .filter(p -> state(p.tally()) == SourceState.SELECTED)
        .map(NtpqPeer::remote)
        .findFirst()
        .orElse("");
  }

  /** rv prints codes bare ({@code GPS}); peers prints them dotted ({@code .GPS.}). */
  private static String withoutDots(String refid) {
    if (refid.length() > 2 && refid.startsWith(".") && refid.endsWith(".")) {
      return refid.substring(1, refid.length() - 1);
    }
    return refid;
  }

  private static @Nullable Double seconds(@Nullable Double ms) {
    return ms == null ? null : ms / MS_PER_SECOND;
  }

  /** Server minus local in ms → local minus server in s ({@code 0.0 - x} keeps zero unsigned). */
  private static @Nullable Double negatedSeconds(@Nullable Double ms) {
    return ms == null ? null : 0.0 - ms / MS_PER_SECOND;
  }
}
