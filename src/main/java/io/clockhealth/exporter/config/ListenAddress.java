package io.clockhealth.exporter.config;

import org.jspecify.annotations.Nullable;

/**
 * A {@code host:port} listen address in the Prometheus exporter convention: {@code :39123} listens
 * on every interface, {@code 127.0.0.1:39123} or {@code [::1]:39123} on one; port 0 picks a free
 * port.
 *
 * @param host {@code null} for every interface
 */
public record ListenAddress(@Nullable String host, int port) {

  public static ListenAddress parse(String key, @Nullable String text) throws ConfigException {
    String value = text == null ? "" : text.strip();
    int colon = value.lastIndexOf(':');
    if (colon < 0) {
      throw new ConfigException(key + ": \"" + text + "\" is not host:port (e.g. :39123)");
    }
    String host = value.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.contains(":")) {
      throw new ConfigException(key + ": IPv6 addresses need brackets, e.g. [::1]:39123");
    }
    int port;
    try {
      port = Integer.parseInt(value.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new ConfigException(key + ": invalid port in \"" + text + "\"");
    }
    if (port < 0 || port > 65535) {
      throw new ConfigException(key + ": port out of range in \"" + text + "\"");
    }
    return new ListenAddress(host.isEmpty() ? null : host, port);
  }

  @Override
  public String toString() {
    String shown = host == null ? "" : host.contains(":") ? "[" + host + "]" : host;
    return shown + ":" + port;
  }
}
