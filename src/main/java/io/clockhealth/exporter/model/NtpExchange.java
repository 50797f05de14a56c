package io.clockhealth.exporter.model;

import org.jspecify.annotations.Nullable;

/**
 * The NTP packets exchanged with one source since the daemon added it (chrony {@code ntpdata}): a
 * source whose replies arrive but are never accepted shows as received growing while accepted
 * stands still.
 *
 * @param sent requests sent to it
 * @param received replies received from it
 * @param valid replies that passed the packet tests (right origin, mode, not a duplicate)
 * @param accepted replies that also passed the sample tests and became measurements
 * @param interleaved whether the last exchange used interleaved mode; null before a valid reply
 * @param authenticated whether the last reply was authenticated (NTS or a symmetric key); null
 *     before a valid reply
 */
public record NtpExchange(
    long sent,
    long received,
    long valid,
    long accepted,
    @Nullable Boolean interleaved,
    @Nullable Boolean authenticated) {}
