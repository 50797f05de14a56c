package io.clockhealth.exporter.collect.timesyncd;

import io.clockhealth.exporter.model.LeapStatus;
import org.jspecify.annotations.Nullable;

/**
 * {@code timedatectl timesync-status}, in base units. timesyncd prints only the first lines
 * (server, poll interval, and {@code Packet count: 0}) until a reply has arrived; the reply
 * components are then {@code null}.
 *
 * @param serverAddress the address timesyncd talks to; {@code null} when printed as {@code n/a}
 * @param serverName the configured name, in parentheses after the address
 * @param packetCount replies received; {@code null} when timedatectl stopped after the poll line
 *     (it does on a reply it considers invalid)
 * @param leapStatus {@code null} when the {@code Leap:} words are not recognised
 * @param reference the reference ID as printed (hex, or ASCII for stratum 0/1)
 * @param precisionLog2 the number in parentheses: the server's precision as log2 seconds
 * @param offsetSeconds as printed, in the NTP convention <em>server minus local</em> (positive =
 *     the local clock is behind): the opposite of the metric contract, which the mapper applies
 * @param frequencyCorrectionPpm as printed: the kernel's frequency correction (positive speeds the
 *     clock up); {@code null} when timesyncd flagged the reply as a spike and omitted the line
 */
public record TimesyncStatus(
    @Nullable String serverAddress,
    @Nullable String serverName,
    double pollIntervalSeconds,
    double pollIntervalMinSeconds,
    double pollIntervalMaxSeconds,
    @Nullable Long packetCount,
    @Nullable LeapStatus leapStatus,
    @Nullable Integer version,
    @Nullable Integer stratum,
    @Nullable String reference,
    @Nullable Double precisionSeconds,
    @Nullable Integer precisionLog2,
    @Nullable Double rootDistanceSeconds,
    @Nullable Double rootDistanceMaxSeconds,
    @Nullable Double offsetSeconds,
    @Nullable Double delaySeconds,
    @Nullable Double jitterSeconds,
    @Nullable Double frequencyCorrectionPpm) {

  /** Whether the output described a reply (the lines after {@code Poll interval}). */
  public boolean hasReply() {
    return stratum != null;
  }
}
