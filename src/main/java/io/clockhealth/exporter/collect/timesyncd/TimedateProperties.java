package io.clockhealth.exporter.collect.timesyncd;

import org.jspecify.annotations.Nullable;

/**
 * {@code timedatectl show [--all]}: systemd-timedated's properties. A {@code null} component was
 * absent or empty.
 *
 * @param timezone the host's IANA zone ({@code Etc/UTC}); it lets the mapper read timestamps that
 *     timedatectl prints with an ambiguous abbreviation
 * @param canNtp whether timedated found an NTP service it can control
 * @param ntp whether that service is enabled
 * @param ntpSynchronized the kernel's view (adjtimex STA_UNSYNC clear), whichever daemon set it
 */
public record TimedateProperties(
    @Nullable String timezone,
    @Nullable Boolean localRtc,
    @Nullable Boolean canNtp,
    @Nullable Boolean ntp,
    @Nullable Boolean ntpSynchronized,
    @Nullable SystemdTimestamp time,
    @Nullable SystemdTimestamp rtcTime,
    OtherProperties otherProperties) {}
