package io.clockhealth.exporter.model;

import org.jspecify.annotations.Nullable;

/**
 * This host's clock read against another server's over one request: a Prometheus server's through
 * its HTTP API.
 *
 * @param peer what was asked, e.g. the Prometheus URL
 * @param offsetSeconds this host's clock minus the peer's, at the middle of the round trip; {@code
 *     null} when no usable answer came
 * @param roundTripSeconds how long the request took: the reading is good to half of it; {@code
 *     null} when it did not finish
 * @param failure why there is no reading, one line; {@code null} when there is one
 */
public record PeerClockReading(
    String peer,
    @Nullable Double offsetSeconds,
    @Nullable Double roundTripSeconds,
    @Nullable String failure) {

  public static PeerClockReading failed(String peer, String failure) {
    return new PeerClockReading(peer, null, null, failure);
  }
}
