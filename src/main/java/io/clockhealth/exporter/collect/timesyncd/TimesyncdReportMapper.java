package io.clockhealth.exporter.collect.timesyncd;

import io.clockhealth.exporter.model.HostClock;
import io.clockhealth.exporter.model.LeapStatus;
import io.clockhealth.exporter.model.SourceMode;
import io.clockhealth.exporter.model.SourceState;
import io.clockhealth.exporter.model.SourceStatus;
import io.clockhealth.exporter.model.SystemStatus;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Maps timedatectl's view of systemd-timesyncd onto the daemon-neutral metric model.
 *
 * <p>timesyncd has one server and keeps the last reply it accepted ({@code NTPMessage}), so the
 * clock counts as synchronised once such a reply exists with a usable leap indicator and stratum.
 * It keeps showing that reply after the server has gone silent; the reference timestamp (when the
 * reply arrived) is what makes that staleness visible. Without a reply nothing but the settings is
 * reported: no offset, stratum or reference is made up.
 */
public final class TimesyncdReportMapper {

  /** Reference IDs of a server that follows its own clock: chrony's and ntpd's local modes. */
  private static final Set<String> LOCAL_REFERENCES = Set.of("7F7F0101", "LOCL");

  private static final int MAX_USABLE_STRATUM = 15;

  private TimesyncdReportMapper() {}

  /**
   * The system view.
   *
   * @param properties {@code show-timesync --all}; {@code null} when only timesync-status was read
   *     (the {@code parse} command), whose reply lines then stand in for the NTP message
   * @param status {@code timesync-status}, the source of the offset and delay; {@code null} when
   *     not read. Ignored when it names another server than {@code properties} (a switch between
   *     the two commands)
   * @param timedate {@code timedatectl show}, whose time zone reads reply timestamps printed with
   *     an ambiguous abbreviation; {@code null} when not read
   */
  public static SystemStatus system(
      @Nullable TimesyncProperties properties,
      @Nullable TimesyncStatus status,
      @Nullable TimedateProperties timedate) {
    View v = View.of(properties, status, timedate);
    SystemStatus.Builder b =
        SystemStatus.builder()
            .synchronized_(v.synced())
            .frequencyPpm(negated(v.frequencyCorrectionPpm()))
            .pollIntervalSeconds(v.pollIntervalSeconds());
    if (v.reply() == null) {
      return b.build();
    }
    Reply r = v.reply();
    return b.offsetSeconds(negated(v.offsetServerMinusLocal()))
        .jitterSeconds(v.jitterSeconds())
        .rootDelaySeconds(r.rootDelaySeconds())
        .rootDispersionSeconds(r.rootDispersionSeconds())
        .stratum(r.stratum())
        .refId(r.reference())
        .reference(v.server())
        .referenceTimestampSeconds(r.arrivalSeconds())
        .leapStatus(r.leap())
        .localReference(r.reference() != null && LOCAL_REFERENCES.contains(r.reference()))
        .build();
  }

  /**
   * What {@code timedatectl show} says about the host that nothing else gives: timedated's {@code
   * NTP=} and {@code LocalRTC=}; nothing when it was not read.
   */
  public static HostClock host(@Nullable TimedateProperties timedate) {
    return timedate == null
        ? HostClock.NONE
        : HostClock.timedated(timedate.ntp(), timedate.localRtc());
  }

  /** The one server timesyncd uses, or nothing when it has none. Arguments as {@link #system}. */
  public static List<SourceStatus> sources(
      @Nullable TimesyncProperties properties, @Nullable TimesyncStatus status) {
    View v = View.of(properties, status, null);
    if (v.server() == null) {
      return List.of();
    }
    SourceStatus.Builder b =
        SourceStatus.builder(v.server())
            .mode(SourceMode.SERVER)
            .state(v.synced() ? SourceState.SELECTED : SourceState.UNUSABLE)
            .pollIntervalSeconds(v.pollIntervalSeconds());
    Reply r = v.reply();
    if (r != null) {
      b.stratum(r.stratum())
          .refId(r.reference())
          .offsetSeconds(negated(v.offsetServerMinusLocal()))
          .delaySeconds(v.delaySeconds())
          .jitterSeconds(v.jitterSeconds());
    }
    return List.of(b.build());
  }

  /**
   * The contract's sign from timesyncd's: its offset is server minus local and its frequency the
   * kernel's correction, both the opposite way round. {@code 0.0 - x} keeps a zero unsigned.
   */
  private static @Nullable Double negated(@Nullable Double value) {
    return value == null ? null : 0.0 - value;
  }

  /** What is known about the last reply, from the NTP message or else from timesync-status. */
  private record Reply(
      @Nullable LeapStatus leap,
      @Nullable Integer stratum,
      @Nullable String reference,
      @Nullable Double rootDelaySeconds,
      @Nullable Double rootDispersionSeconds,
      @Nullable Double jitterSeconds,
      @Nullable Double arrivalSeconds) {

    static Reply of(NtpMessage m, @Nullable TimedateProperties timedate) {
      String zone = timedate == null ? null : timedate.timezone();
      SystemdTimestamp arrival = m.destinationTimestamp();
      return new Reply(
          TimesyncLeap.fromIndicator(m.leap()),
          m.stratum(),
          m.reference(),
          m.rootDelaySeconds(),
          m.rootDispersionSeconds(),
          m.jitterSeconds(),
          arrival == null ? null : SystemdTimestamp.epochSeconds(arrival.resolve(zone)));
    }

    static Reply of(TimesyncStatus s) {
      // timesync-status prints only the root distance, not delay and dispersion apart.
      return new Reply(
          s.leapStatus(), s.stratum(), s.reference(), null, null, s.jitterSeconds(), null);
    }

    boolean usable() {
      return leap != LeapStatus.UNSYNCHRONISED
          && stratum != null
          && stratum > 0
          && stratum <= MAX_USABLE_STRATUM;
    }
  }

  /** The outputs of one scrape, merged: properties first, timesync-status where they are silent. */
  private record View(
      @Nullable String server,
      @Nullable Reply reply,
      @Nullable TimesyncStatus status,
      @Nullable Double pollIntervalSeconds,
      @Nullable Double frequencyCorrectionPpm) {

    static View of(
        @Nullable TimesyncProperties properties,
        @Nullable TimesyncStatus status,
        @Nullable TimedateProperties timedate) {
      TimesyncStatus st = status;
      if (properties != null && st != null && !sameServer(properties, st)) {
        st = null;
      }
      Reply reply;
      if (properties != null) {
        reply =
            properties.ntpMessage() == null ? null : Reply.of(properties.ntpMessage(), timedate);
      } else {
        reply = st != null && st.hasReply() ? Reply.of(st) : null;
      }
      // Without a reply, a status' offset would be the invention the contract forbids.
      TimesyncStatus replyStatus = reply != null && st != null && st.hasReply() ? st : null;
      return new View(
          server(properties, st),
          reply,
          replyStatus,
          firstNonNull(
              properties == null ? null : properties.pollIntervalSeconds(),
              st == null ? null : st.pollIntervalSeconds()),
          firstNonNull(
              properties == null ? null : properties.frequencyCorrectionPpm(),
              st == null ? null : st.frequencyCorrectionPpm()));
    }

    boolean synced() {
      return reply != null && reply.usable();
    }

    @Nullable Double offsetServerMinusLocal() {
      return status == null ? null : status.offsetSeconds();
    }

    @Nullable Double delaySeconds() {
      return status == null ? null : status.delaySeconds();
    }

    /** timesync-status and the NTP message print the same jitter; either will do. */
    @Nullable Double jitterSeconds() {
      Double printed = status == null ? null : status.jitterSeconds();
      return printed != null ? printed : reply == null ? null : reply.jitterSeconds();
    }

    private static boolean sameServer(TimesyncProperties p, TimesyncStatus s) {
      if (p.serverAddress() != null && s.serverAddress() != null) {
        return p.serverAddress().equals(s.serverAddress());
      }
      return p.serverName() == null
          || s.serverName() == null
          || p.serverName().equals(s.serverName());
    }

    private static @Nullable String server(
        @Nullable TimesyncProperties p, @Nullable TimesyncStatus s) {
      return firstNonNull(
          p == null ? null : p.serverAddress(),
          p == null ? null : p.serverName(),
          s == null ? null : s.serverAddress(),
          s == null ? null : s.serverName());
    }
  }

  @SafeVarargs
  private static <T> @Nullable T firstNonNull(@Nullable T... values) {
    for (T value : values) {
      if (value != null) {
        return value;
      }
    }
    return null;
  }
}
