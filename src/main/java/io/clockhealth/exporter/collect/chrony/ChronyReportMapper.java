package io.clockhealth.exporter.collect.chrony;

import io.clockhealth.exporter.model.LeapStatus;
import io.clockhealth.exporter.model.NtpExchange;
import io.clockhealth.exporter.model.SelectionReason;
import io.clockhealth.exporter.model.ServerClient;
import io.clockhealth.exporter.model.ServerClients;
import io.clockhealth.exporter.model.ServerStat;
import io.clockhealth.exporter.model.SourceMode;
import io.clockhealth.exporter.model.SourceState;
import io.clockhealth.exporter.model.SourceStatus;
import io.clockhealth.exporter.model.SystemStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Maps parsed chronyc output onto the daemon-neutral metric model. */
public final class ChronyReportMapper {

  /** chrony's reference ID when it follows its own clock ({@code local} directive). */
  public static final String LOCAL_REFERENCE_ID = "7F7F0101";

  private static final String UNSYNCHRONISED_REFERENCE_ID = "00000000";

  private static final String NTP_PROTOCOL = "ntp";
  private static final String COMMAND_PROTOCOL = "command";

  /** authdata's mode of an NTS source. */
  private static final String NTS = "NTS";

  private ChronyReportMapper() {}

  public static SystemStatus system(ChronyTracking t) {
    String refId = hexRefId(t.refId());
    boolean synced =
        !UNSYNCHRONISED_REFERENCE_ID.equals(refId)
            && t.leapStatus() != LeapStatus.UNSYNCHRONISED
            && t.stratum() > 0;
    return SystemStatus.builder()
        .synchronized_(synced)
        .offsetSeconds(t.systemOffsetSeconds())
        .lastOffsetSeconds(t.lastOffsetSeconds())
        .rmsOffsetSeconds(t.rmsOffsetSeconds())
        .frequencyPpm(t.frequencyPpm())
        .residualFrequencyPpm(t.residualFrequencyPpm())
        .skewPpm(t.skewPpm())
        .rootDelaySeconds(t.rootDelaySeconds())
        .rootDispersionSeconds(t.rootDispersionSeconds())
        .stratum(t.stratum())
        .refId(refId)
        .reference(t.referenceName())
        // The 1970 epoch means "never updated": absent rather than a 56-year-old update.
        .referenceTimestampSeconds(t.refTimeSeconds() > 0 ? t.refTimeSeconds() : null)
        .updateIntervalSeconds(t.updateIntervalSeconds())
        .leapStatus(t.leapStatus())
        .localReference(LOCAL_REFERENCE_ID.equals(refId))
        .build();
  }

  /**
   * Joins {@code sources} rows with their {@code sourcestats} rows by name (both printed with
   * {@code -n}, so the names match exactly).
   */
  public static List<SourceStatus> sources(
      List<ChronySource> sources, List<ChronySourceStats> stats) {
    Map<String, ChronySourceStats> statsByName = new LinkedHashMap<>();
    for (ChronySourceStats s : stats) {
      statsByName.put(s.name(), s);
    }
    List<SourceStatus> result = new ArrayList<>(sources.size());
    for (ChronySource source : sources) {
      SourceStatus.Builder b =
          SourceStatus.builder(source.name())
              .mode(mode(source.modeSymbol()))
              .state(state(source.stateSymbol()))
              .offsetSeconds(source.adjustedOffsetSeconds())
              .offsetErrorSeconds(source.errorSeconds())
              .stratum(source.stratum())
              .pollIntervalSeconds(Math.pow(2, source.pollLog2()))
              .reachability(source.reach())
              .lastSampleAgeSeconds(source.lastRxSeconds());
      ChronySourceStats s = statsByName.get(source.name());
      if (s != null) {
        b.samples(s.samples())
            .frequencyPpm(s.frequencyPpm())
            .frequencySkewPpm(s.frequencySkewPpm())
            .stdDevSeconds(s.stdDevSeconds())
            .spanSeconds(s.spanSeconds());
      }
      result.add(b.build());
    }
    return result;
  }

  /**
   * The collection's join of every per-source report by the source's name (all printed with {@code
   * -n}, so the names match): {@code sources} decides which sources there are; {@code sourcestats},
   * {@code selectdata}, {@code ntpdata} and {@code authdata} add to them, each what it alone says.
   * ntpdata's own offset, stratum and poll are left out: they are the last packet's, where {@code
   * sources} gives chrony's filtered view.
   */
  public static List<SourceStatus> sources(
      List<ChronySource> sources,
      List<ChronySourceStats> stats,
      List<ChronySelectData> selection,
      List<ChronyNtpData> ntp,
      List<ChronyAuthData> auth) {
    Map<String, ChronySelectData> selectionByName = byName(selection, ChronySelectData::name);
    Map<String, ChronyNtpData> ntpByAddress = byName(ntp, ChronyNtpData::remoteAddress);
    Map<String, ChronyAuthData> authByName = byName(auth, ChronyAuthData::name);
    List<SourceStatus> joined = new ArrayList<>(sources.size());
    for (SourceStatus base : sources(sources, stats)) {
      SourceStatus.Builder b = base.toBuilder();
      ChronySelectData selected = selectionByName.get(base.source());
      if (selected != null) {
        b.selectionReason(SelectionReason.ofChronyState(selected.state()))
            .selectionScore(selected.score());
      }
      ChronyNtpData exchanged = ntpByAddress.get(base.source());
      if (exchanged != null) {
        b.delaySeconds(lastReply(exchanged, exchanged.peerDelaySeconds()))
            .exchange(exchange(exchanged));
      }
      ChronyAuthData authenticated = authByName.get(base.source());
      if (authenticated != null && NTS.equals(authenticated.mode())) {
        b.ntsCookies(authenticated.cookies())
            .ntsKeAttempts(authenticated.attempts())
            .ntsNaks(authenticated.naks());
      }
      joined.add(b.build());
    }
    return joined;
  }

  private static <T> Map<String, T> byName(List<T> rows, Function<T, String> name) {
    Map<String, T> map = new LinkedHashMap<>();
    rows.forEach(r -> map.putIfAbsent(name.apply(r), r));
    return map;
  }

  private static NtpExchange exchange(ChronyNtpData d) {
    return new NtpExchange(
        d.totalTx(),
        d.totalRx(),
        d.totalValidRx(),
        d.totalGoodRx(),
        lastReply(d, d.interleaved()),
        lastReply(d, d.authenticated()));
  }

  /**
   * A value ntpdata takes from the last valid reply: absent before there was one (chronyd then
   * prints zeros and mode {@code Invalid}, not measurements).
   */
  private static <T> @Nullable T lastReply(ChronyNtpData d, T value) {
    return d.totalValidRx() > 0 ? value : null;
  }

  /**
   * {@code ntpdata} per source: its own reference ID, stratum, poll and delay. ntpdata prints the
   * offset as server minus local, so it is negated into the contract's local minus source.
   */
  public static List<SourceStatus> ntpData(List<ChronyNtpData> entries) {
    List<SourceStatus> result = new ArrayList<>(entries.size());
    for (ChronyNtpData d : entries) {
      result.add(
          SourceStatus.builder(d.remoteAddress())
              .mode(
                  switch (d.mode().toLowerCase(Locale.ROOT)) {
                    case "server" -> SourceMode.SERVER;
                    case "symmetric active", "symmetric passive", "peer" -> SourceMode.PEER;
                    case "broadcast" -> SourceMode.BROADCAST;
                    default -> SourceMode.OTHER;
                  })
              .refId(d.refId())
              .stratum(d.stratum())
              .pollIntervalSeconds(Math.pow(2, d.pollLog2()))
              .offsetSeconds(-d.offsetSeconds())
              .delaySeconds(lastReply(d, d.peerDelaySeconds()))
              .exchange(exchange(d))
              .build());
    }
    return result;
  }

  /**
   * {@code authdata} per source: the NTS health signals. Only NTS sources have cookies and KE
   * attempts; symmetric-key and unauthenticated rows yield the source and its mode only.
   */
  public static List<SourceStatus> authData(List<ChronyAuthData> rows) {
    List<SourceStatus> result = new ArrayList<>(rows.size());
    for (ChronyAuthData row : rows) {
      SourceStatus.Builder b = SourceStatus.builder(row.name());
      if (NTS.equals(row.mode())) {
        b.ntsCookies(row.cookies()).ntsKeAttempts(row.attempts()).ntsNaks(row.naks());
      }
      result.add(b.build());
    }
    return result;
  }

  /** {@code selectdata} per source: the selection reason of its state letter and its score. */
  public static List<SourceStatus> selection(List<ChronySelectData> rows) {
    List<SourceStatus> result = new ArrayList<>(rows.size());
    for (ChronySelectData row : rows) {
      result.add(
          SourceStatus.builder(row.name())
              .selectionReason(SelectionReason.ofChronyState(row.state()))
              .selectionScore(row.score())
              .build());
    }
    return result;
  }

  /** {@code activity}: a burst counts for where it returns (online or offline). */
  public static SystemStatus activity(ChronyActivity a) {
    return SystemStatus.builder()
        .sourcesOnline(a.online() + a.burstReturningOnline())
        .sourcesOffline(a.offline() + a.burstReturningOffline())
        .build();
  }

  /**
   * {@code clients}: one entry per address and protocol it has used; {@code perClientLimit} of them
   * (the busiest) get series of their own.
   */
  public static ServerClients clients(List<ChronyClient> rows, int perClientLimit) {
    List<ServerClient> clients = new ArrayList<>();
    for (ChronyClient c : rows) {
      // A client whose counters were reset (clients -r) is still one that was seen.
      if (c.ntpHits() > 0 || c.ntpLastSeconds() != null) {
        clients.add(
            new ServerClient(
                c.address(),
                NTP_PROTOCOL,
                c.ntpHits(),
                c.ntpDrops(),
                seconds(c.ntpIntervalLog2()),
                c.ntpLastSeconds()));
      }
      if (c.commandHits() > 0 || c.commandLastSeconds() != null) {
        clients.add(
            new ServerClient(
                c.address(),
                COMMAND_PROTOCOL,
                c.commandHits(),
                c.commandDrops(),
                seconds(c.commandIntervalLog2()),
                c.commandLastSeconds()));
      }
    }
    return new ServerClients(clients, perClientLimit);
  }

  private static @Nullable Double seconds(@Nullable Integer log2) {
    return log2 == null ? null : Math.pow(2, log2);
  }

  public static List<ServerStat> serverStats(ChronyServerStats stats) {
    List<ServerStat> result = new ArrayList<>();
    stats
        .values()
        .forEach(
            (field, value) ->
                result.add(
                    new ServerStat(
                        field.metricName(), field.metric().help(), value, field.counter())));
    return result;
  }

  /** chrony < 3.0 printed the reference ID as a dotted quad; the contract wants 8 hex digits. */
  static String hexRefId(String printed) {
    // Limit 0: trailing empty strings dropped ("1.2.3.4." is a dotted quad too).
    String[] octets = printed.split("\\.", 0);
    if (octets.length == 4) {
      try {
        StringBuilder hex = new StringBuilder(8);
        for (String octet : octets) {
          int value = Integer.parseInt(octet);
          if (value < 0 || value > 255) {
            return printed;
          }
          hex.append(String.format(Locale.ROOT, "%02X", value));
        }
        return hex.toString();
      } catch (NumberFormatException e) {
        return printed;
      }
    }
    return printed.toUpperCase(Locale.ROOT);
  }

  static SourceMode mode(char symbol) {
    return switch (symbol) {
      case '^' -> SourceMode.SERVER;
      case '=' -> SourceMode.PEER;
      case '#' -> SourceMode.REFCLOCK;
      default -> SourceMode.OTHER;
    };
  }

  static SourceState state(char symbol) {
    return switch (symbol) {
      case '*' -> SourceState.SELECTED;
      case '+' -> SourceState.COMBINED;
      case '-' -> SourceState.NOT_COMBINED;
      case 'x' -> SourceState.FALSETICKER;
      case '~' -> SourceState.TOO_VARIABLE;
      default -> SourceState.UNUSABLE;
    };
  }
}
