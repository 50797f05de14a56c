package io.clockhealth.exporter.probe;

import java.util.regex.Pattern;

/**
 * The {@code target} of a probe request: {@code HOST}, {@code HOST:PORT}, {@code [IPv6]} or {@code
 * [IPv6]:PORT}, port 123 by default. A bare IPv6 literal ({@code ::1}) is taken whole, without a
 * port (its last colon is part of the address). Nothing is resolved here.
 */
public record ProbeTarget(String host, int port) {

  public static final int NTP_PORT = 123;

  private static final int MAX_NAME = 253;
  // Names and IPv4 literals: letters, digits, dots, hyphens, underscores (seen in internal DNS).
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_])?");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9_.-]+)?");
  private static final Pattern PORT = Pattern.compile("\\d{1,5}");

  /**
   * Reads a target as a probe request gives it.
   *
   * @throws IllegalArgumentException with a one-line reason that does not repeat the input
   */
  public static ProbeTarget parse(String text) {
    if (text.isBlank()) {
      throw new IllegalArgumentException("target is empty");
    }
    String host;
    String port = null;
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("target: '[' without ']'");
      }
      host = text.substring(1, close);
      String rest = text.substring(close + 1);
      if (!rest.isEmpty()) {
        if (!rest.startsWith(":")) {
          throw new IllegalArgumentException("target: only ':PORT' may follow ']'");
        }
        port = rest.substring(1);
      }
      if (!IPV6.matcher(host).matches() || !host.contains(":")) {
        throw new IllegalArgumentException("target: not an IPv6 address in brackets");
      }
    } else if (text.indexOf(':') != text.lastIndexOf(':')) {
      host = text;
      if (!IPV6.matcher(host).matches()) {
        throw new IllegalArgumentException("target: not an IPv6 address (write [ADDRESS]:PORT)");
      }
    } else {
      int colon = text.indexOf(':');
      host = colon < 0 ? text : text.substring(0, colon);
      port = colon < 0 ? null : text.substring(colon + 1);
      if (host.length() > MAX_NAME || !NAME.matcher(host).matches()) {
        throw new IllegalArgumentException("target: not a host name or address");
      }
    }
    return new ProbeTarget(host, port == null ? NTP_PORT : port(port));
  }

  private static int port(String text) {
    if (!PORT.matcher(text).matches()) {
      throw new IllegalArgumentException("target: the port is not a number");
    }
    int port = Integer.parseInt(text);
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("target: the port is not 1 to 65535");
    }
    return port;
  }

  /** As a target would be written, for log lines. */
  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
