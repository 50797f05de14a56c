package io.clockhealth.exporter.model;

import org.jspecify.annotations.Nullable;

/**
 * One client of a time server in one protocol, from the server's client log (chrony {@code
 * clients}). chronyd keeps one record per address, so many clients behind one NAT are one.
 *
 * @param address the client's address as the server prints it
 * @param protocol {@code ntp} or {@code command}
 * @param packets requests the server logged from it
 * @param dropped requests it dropped (rate limiting, {@code ratelimit})
 * @param intervalSeconds mean interval between its requests; null when the log has too few
 * @param lastPacketAgeSeconds how long ago its last request came; null when never
 */
public record ServerClient(
    String address,
    String protocol,
    long packets,
    long dropped,
    @Nullable Double intervalSeconds,
    @Nullable Double lastPacketAgeSeconds) {}
