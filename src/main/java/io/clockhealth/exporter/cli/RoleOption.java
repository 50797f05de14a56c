package io.clockhealth.exporter.cli;

import io.clockhealth.exporter.diagnose.Role;
import picocli.CommandLine.Option;

/**
 * {@code --role}: what the findings expect of this host; the server's page and the doctor share it.
 */
final class RoleOption {

  /** The role as the option spells it. */
  enum Value {
    client,
    timeserver
  }

  @Option(
      names = "--role",
      paramLabel = "client|timeserver",
      description =
          "timeserver: this host is an isolated network's designated time server, so following"
              + " its own clock is right (default client).")
  Value value = Value.client;

  Role role() {
    return value == Value.timeserver ? Role.TIMESERVER : Role.CLIENT;
  }
}
