package io.clockhealth.exporter.collect.ntpd;

import org.jspecify.annotations.Nullable;

/**
 * One row of {@code ntpq -p} / {@code peers}, with ntpq's own units and sign (converted only by
 * {@link NtpdReportMapper}).
 *
 * @param tally the selection code in column 0: space (rejected), {@code x} falseticker, {@code .}
 *     excess, {@code -} outlier, {@code +} candidate, {@code #} backup, {@code *} system peer,
 *     {@code o} PPS peer
 * @param remote as printed: an address, a refclock name such as {@code SHM(0)} or {@code
 *     127.127.1.0}, or a host name cut to the column width without a marker (may contain spaces)
 * @param refid as printed, dots included for codes ({@code .GPS.}, {@code .INIT.})
 * @param type the {@code t} column: {@code u} unicast, {@code l} local refclock, {@code p} pool,
 *     {@code b}/{@code B}/{@code m}/{@code M} broadcast/multicast, {@code s}/{@code S} symmetric, a
 *     digit for an NTS server (ntpsec: cookies held)
 * @param whenSeconds seconds since the last packet; {@code null} when ntpq printed {@code -}
 * @param pollSeconds poll interval in seconds (ntpq prints seconds, not log2)
 * @param reach the reach register as an integer (printed in octal)
 * @param delayMs round-trip delay, milliseconds
 * @param offsetMs ntpq's offset, milliseconds, <em>server minus local</em> as printed
 * @param jitterMs jitter (dispersion in old layouts), milliseconds
 */
public record NtpqPeer(
    char tally,
    String remote,
    String refid,
    int stratum,
    char type,
    @Nullable Double whenSeconds,
    double pollSeconds,
    int reach,
    double delayMs,
    double offsetMs,
    double jitterMs) {}
