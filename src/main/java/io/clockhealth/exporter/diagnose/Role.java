package io.clockhealth.exporter.diagnose;

/** What this host is meant to be, which decides whether following its own clock is right. */
public enum Role {
  /** An ordinary host: it should follow a time server. */
  CLIENT,
  /** A designated time server of an isolated network ({@code --role timeserver}). */
  TIMESERVER
}
