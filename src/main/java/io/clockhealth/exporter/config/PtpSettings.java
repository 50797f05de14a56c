package io.clockhealth.exporter.config;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Where the ptp collector's pmc finds ptp4l: the transport, the management socket (the transport
 * {@code uds}) and the PTP domain.
 *
 * @param transport {@code uds} (ptp4l's local socket, the default), {@code udp4}, {@code udp6} or
 *     {@code l2}
 * @param socket ptp4l's {@code uds_address}
 * @param domain the {@code domainNumber} ptp4l runs in
 */
public record PtpSettings(String transport, String socket, int domain) {

  public static final String DEFAULT_SOCKET = "/var/run/ptp4l";
  public static final List<String> TRANSPORTS = List.of("uds", "udp4", "udp6", "l2");
  public static final PtpSettings DEFAULT = new PtpSettings("uds", DEFAULT_SOCKET, 0);

  /** The flags; {@code null} = not given. */
  public record Flags(
      @Nullable String transport, @Nullable String socket, @Nullable Integer domain) {
    public static final Flags NONE = new Flags(null, null, null);
  }

  /** pmc's options for this transport, socket and domain, e.g. {@code -u -s /var/run/ptp4l}. */
  public List<String> pmcOptions() {
    String flag =
        switch (transport) {
          case "udp4" -> "-4";
          case "udp6" -> "-6";
          case "l2" -> "-2";
          default -> "-u";
        };
    return transport.equals("uds")
        ? List.of(flag, "-s", socket, "-d", Integer.toString(domain))
        : List.of(flag, "-d", Integer.toString(domain));
  }

  static PtpSettings resolve(Flags flags, ConfigFile.@Nullable PtpTool file)
      throws ConfigException {
    String transport =
        flags.transport() != null
            ? flags.transport()
            : file != null && file.transport != null ? file.transport : DEFAULT.transport();
    String transportKey =
        flags.transport() != null ? "--collector.ptp.transport" : "collectors.ptp.transport";
    transport = transport.toLowerCase(Locale.ROOT);
    if (!TRANSPORTS.contains(transport)) {
      throw new ConfigException(
          transportKey + ": must be one of uds, udp4, udp6, l2, not \"" + transport + "\"");
    }
    String socket =
        flags.socket() != null
            ? flags.socket()
            : file != null && file.socket != null ? file.socket : DEFAULT_SOCKET;
    if (socket.isBlank()) {
      throw new ConfigException(
          (flags.socket() != null ? "--collector.ptp.socket" : "collectors.ptp.socket")
              + ": must not be empty");
    }
    int domain =
        flags.domain() != null
            ? flags.domain()
            : file != null && file.domain != null ? file.domain : DEFAULT.domain();
    if (domain < 0 || domain > 255) {
      throw new ConfigException(
          (flags.domain() != null ? "--collector.ptp.domain" : "collectors.ptp.domain")
              + ": must be 0 to 255, not "
              + domain);
    }
    return new PtpSettings(transport, socket, domain);
  }
}
