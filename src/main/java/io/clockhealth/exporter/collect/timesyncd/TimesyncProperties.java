package io.clockhealth.exporter.collect.timesyncd;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code timedatectl show-timesync [--all]}: systemd-timesyncd's D-Bus properties, in base units. A
 * {@code null} component was absent or empty in the output.
 *
 * @param serverName the server timesyncd uses, as configured (a name or an address)
 * @param serverAddress the address it resolved {@code serverName} to
 * @param ntpMessage the last reply accepted; {@code null} while no reply has arrived (timesyncd
 *     then does not print the property at all)
 * @param frequencyCorrectionPpm the kernel's frequency correction ({@code Frequency=} is the raw
 *     adjtimex value, ppm × 65536): positive speeds the clock up, i.e. the oscillator is slow. The
 *     opposite sign of the metric contract's frequency, which the mapper applies.
 */
public record TimesyncProperties(
    List<String> linkNtpServers,
    List<String> systemNtpServers,
    List<String> runtimeNtpServers,
    List<String> fallbackNtpServers,
    @Nullable String serverName,
    @Nullable String serverAddress,
    @Nullable Double rootDistanceMaxSeconds,
    @Nullable Double pollIntervalMinSeconds,
    @Nullable Double pollIntervalMaxSeconds,
    @Nullable Double pollIntervalSeconds,
    @Nullable NtpMessage ntpMessage,
    @Nullable Double frequencyCorrectionPpm,
    OtherProperties otherProperties) {

  public TimesyncProperties {
    linkNtpServers = List.copyOf(linkNtpServers);
    systemNtpServers = List.copyOf(systemNtpServers);
    runtimeNtpServers = List.copyOf(runtimeNtpServers);
    fallbackNtpServers = List.copyOf(fallbackNtpServers);
  }
}
