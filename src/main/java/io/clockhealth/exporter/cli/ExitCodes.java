package io.clockhealth.exporter.cli;

/** Process exit codes (README, "Command line"; {@code --help}). */
final class ExitCodes {

  /** Success. */
  static final int OK = 0;

  /** A runtime failure, e.g. the listen address is in use. */
  static final int FAILURE = 1;

  /** Bad input: usage, configuration, or text that is not the requested format. */
  static final int BAD_INPUT = 2;

  private ExitCodes() {}
}
