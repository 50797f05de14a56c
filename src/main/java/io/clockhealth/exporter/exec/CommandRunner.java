package io.clockhealth.exporter.exec;

/**
 * Runs external commands. The seam between collectors and processes: collectors are unit-tested
 * against a mock of this, and against the real tools in the integration tests.
 */
public interface CommandRunner {

  /** Runs the command to completion or until one of its limits is hit. Never throws. */
  CommandResult run(CommandSpec spec);
}
