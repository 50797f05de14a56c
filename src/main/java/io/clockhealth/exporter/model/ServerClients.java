package io.clockhealth.exporter.model;

import java.util.List;

/**
 * A time server's client log: every client seen, per protocol, and how many of them may have series
 * of their own.
 *
 * @param clients one entry per client and protocol it has used
 * @param perClientLimit how many clients, the busiest first, get series of their own; 0 = none
 */
public record ServerClients(List<ServerClient> clients, int perClientLimit) {

  /** The protocols a client log counts, as {@link ServerClient#protocol()} spells them. */
  public static final List<String> PROTOCOLS = List.of("ntp", "command");

  public ServerClients {
    clients = List.copyOf(clients);
  }
}
