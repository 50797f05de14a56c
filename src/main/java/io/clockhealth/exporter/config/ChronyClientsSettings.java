package io.clockhealth.exporter.config;

import org.jspecify.annotations.Nullable;

/**
 * Whether the chrony collector reads chronyd's client log ({@code chronyc clients}), and how many
 * clients get series of their own.
 *
 * @param enabled {@code --collector.chrony.clients}: the aggregated client metrics
 * @param perClient {@code --collector.chrony.clients.per-client}: the busiest clients with series
 *     of their own, at most {@link #MAX_PER_CLIENT}; 0 = none
 */
public record ChronyClientsSettings(boolean enabled, int perClient) {

  /** The hard cap on clients with their own series: a public server logs millions. */
  public static final int MAX_PER_CLIENT = 1000;

  public static final ChronyClientsSettings OFF = new ChronyClientsSettings(false, 0);

  static ChronyClientsSettings resolve(@Nullable Boolean enabled, @Nullable Integer perClient)
      throws ConfigException {
    boolean on = Boolean.TRUE.equals(enabled);
    int n = perClient == null ? 0 : perClient;
    if (n < 0 || n > MAX_PER_CLIENT) {
      throw new ConfigException(
          "--collector.chrony.clients.per-client: must be 0 to " + MAX_PER_CLIENT + ", not " + n);
    }
    if (n > 0 && !on) {
      throw new ConfigException(
          "--collector.chrony.clients.per-client: needs --collector.chrony.clients");
    }
    return new ChronyClientsSettings(on, n);
  }
}
