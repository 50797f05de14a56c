package io.clockhealth.exporter.cli;

/**
 * Configures slf4j-simple through its system properties. Must run before the first logger is
 * created, which is why the command line is parsed (and the config file read) without logging.
 */
final class Logging {

  private Logging() {}

  static void configure(String level) {
    set("org.slf4j.simpleLogger.defaultLogLevel", level);
    set("org.slf4j.simpleLogger.showDateTime", "true");
    set("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    set("org.slf4j.simpleLogger.showThreadName", "false");
    set("org.slf4j.simpleLogger.showShortLogName", "true");
    set("org.slf4j.simpleLogger.levelInBrackets", "false");
    // Jetty's start-up chatter is not what operators need; its warnings still show.
    set("org.slf4j.simpleLogger.log.org.eclipse.jetty", "debug".equals(level) ? "info" : "warn");
    // It warns once per request with a malformed Host header, which any client can send; the
    // client gets 400 either way.
    set(
        "org.slf4j.simpleLogger.log.org.eclipse.jetty.util.HostPort",
        "debug".equals(level) ? "info" : "error");
  }

  private static void set(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
