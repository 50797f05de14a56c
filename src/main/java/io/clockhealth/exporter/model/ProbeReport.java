package io.clockhealth.exporter.model;

import org.jspecify.annotations.Nullable;

/**
 * What one probe of one time server found, as this host sees it. {@code reply} is null when no
 * well-formed reply came (or none was asked for: the server is backed off after a Kiss-o'-Death).
 *
 * @param kissCode the Kiss-o'-Death code the server sent, or remembered while it is backed off
 */
public record ProbeReport(
    boolean reachable,
    boolean success,
    double durationSeconds,
    int samples,
    @Nullable Reply reply,
    @Nullable String kissCode) {

  /**
   * The reply the metrics describe.
   *
   * @param offsetSeconds this host's clock minus the server's
   * @param refId 8 hex digits, or the ASCII code at stratum 1
   */
  public record Reply(
      double offsetSeconds,
      double delaySeconds,
      int stratum,
      double precisionSeconds,
      double rootDelaySeconds,
      double rootDispersionSeconds,
      double rootDistanceSeconds,
      @Nullable Double referenceAgeSeconds,
      LeapStatus leap,
      String refId) {}
}
