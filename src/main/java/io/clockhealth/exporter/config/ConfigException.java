package io.clockhealth.exporter.config;

/** Bad configuration: the message names the key (and file line where there is one). */
public final class ConfigException extends Exception {

  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
