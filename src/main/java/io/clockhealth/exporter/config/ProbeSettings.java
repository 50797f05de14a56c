package io.clockhealth.exporter.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The {@code probe:} section, validated: the modules {@code /probe} offers (a built-in {@code ntp}
 * unless redefined), which targets it may be asked for, and how many probes may be in flight.
 */
public record ProbeSettings(
    Map<String, Module> modules, List<AllowedTarget> allowedTargets, int maxConcurrent) {

  public static final String DEFAULT_MODULE = "ntp";
  public static final int DEFAULT_MAX_CONCURRENT = 16;
  private static final int MAX_SAMPLES = 16;
  private static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_])?");
  private static final Pattern MODULE_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  private static final Pattern IPV4 =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  /** Which address family a name is resolved to first; the other is the fallback. */
  public enum IpProtocol {
    IP4,
    IP6
  }

  /**
   * How one probe asks.
   *
   * @param spacing the pause between two requests, so a server's rate limit is not hit
   * @param timeout the whole probe, all samples (a scrape's own timeout may shorten it)
   */
  public record Module(
      int version, int samples, Duration spacing, Duration timeout, IpProtocol ipProtocol) {}

  /** Version 4, one request, 2 s apart, 5 s in all, IPv4 first. */
  public static final Module DEFAULT =
      new Module(4, 1, Duration.ofSeconds(2), Duration.ofSeconds(5), IpProtocol.IP4);

  /** An {@code allowed_targets} entry: a network in CIDR notation, or a host name. */
  public record AllowedTarget(@Nullable String name, @Nullable InetAddress network, int prefix) {

    /** Whether this entry names {@code host} (as requested). */
    public boolean allowsName(String host) {
      return name != null && name.equals(host.toLowerCase(Locale.ROOT));
    }

    /** Whether {@code host} (as requested) or the address it resolved to fall under this entry. */
    public boolean allows(String host, InetAddress address) {
      if (name != null) {
        return allowsName(host);
      }
      if (network == null) {
        return false;
      }
      byte[] a = address.getAddress();
      byte[] n = network.getAddress();
      if (a.length != n.length) {
        return false;
      }
      for (int bit = 0; bit < prefix; bit++) {
        int mask = 0x80 >>> (bit % 8);
        if ((a[bit / 8] & mask) != (n[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }

  public ProbeSettings {
    modules = Map.copyOf(modules);
    allowedTargets = List.copyOf(allowedTargets);
  }

  /** Any target allowed (no {@code allowed_targets}). */
  public boolean allowsAny() {
    return allowedTargets.isEmpty();
  }

  public static ProbeSettings resolve(ConfigFile file) throws ConfigException {
    ConfigFile.Probe p = file.probe == null ? new ConfigFile.Probe() : file.probe;
    Map<String, Module> modules = new LinkedHashMap<>();
    modules.put(DEFAULT_MODULE, DEFAULT);
    if (p.modules != null) {
      for (Map.Entry<String, ConfigFile.Module> e : p.modules.entrySet()) {
        String key = "probe.modules." + e.getKey();
        if (!MODULE_NAME.matcher(e.getKey()).matches()) {
          throw new ConfigException(key + ": a module name is letters, digits, '.', '_', '-'");
        }
        modules.put(
            e.getKey(), module(key, e.getValue() == null ? new ConfigFile.Module() : e.getValue()));
      }
    }
    List<AllowedTarget> allowed = new ArrayList<>();
    if (p.allowedTargets != null) {
      for (int i = 0; i < p.allowedTargets.size(); i++) {
        allowed.add(allowedTarget("probe.allowed_targets[" + i + "]", p.allowedTargets.get(i)));
      }
    }
    int max = p.maxConcurrent == null ? DEFAULT_MAX_CONCURRENT : p.maxConcurrent;
    if (max < 1 || max > 1024) {
      throw new ConfigException("probe.max_concurrent: 1 to 1024, not " + max);
    }
    return new ProbeSettings(modules, allowed, max);
  }

  private static Module module(String key, ConfigFile.Module m) throws ConfigException {
    int version = m.version == null ? DEFAULT.version() : m.version;
    if (version != 3 && version != 4) {
      throw new ConfigException(key + ".version: 3 or 4, not " + version);
    }
    int samples = m.samples == null ? DEFAULT.samples() : m.samples;
    if (samples < 1 || samples > MAX_SAMPLES) {
      throw new ConfigException(key + ".samples: 1 to " + MAX_SAMPLES + ", not " + samples);
    }
    Duration spacing =
        m.spacing == null
            ? DEFAULT.spacing()
            : Durations.parseAllowingZero(key + ".spacing", m.spacing);
    Duration timeout =
        m.timeout == null ? DEFAULT.timeout() : Durations.parse(key + ".timeout", m.timeout);
    if (timeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new ConfigException(key + ".timeout: at most 60s, not " + m.timeout);
    }
    if (samples > 1 && spacing.multipliedBy(samples - 1L).compareTo(timeout) >= 0) {
      throw new ConfigException(
          key
              + ": "
              + samples
              + " samples "
              + spacing.toMillis()
              + " ms apart do not fit the"
              + " timeout of "
              + timeout.toMillis()
              + " ms");
    }
    IpProtocol protocol;
    String ip = m.ipProtocol == null ? "ip4" : m.ipProtocol.strip().toLowerCase(Locale.ROOT);
    switch (ip) {
      case "ip4" -> protocol = IpProtocol.IP4;
      case "ip6" -> protocol = IpProtocol.IP6;
      default -> throw new ConfigException(key + ".ip_protocol: ip4 or ip6, not \"" + ip + "\"");
    }
    return new Module(version, samples, spacing, timeout, protocol);
  }

  private static AllowedTarget allowedTarget(String key, @Nullable String entry)
      throws ConfigException {
    String text = entry == null ? "" : entry.strip();
    int slash = text.indexOf('/');
    if (slash < 0) {
      if (text.length() > 253 || !NAME.matcher(text).matches()) {
        throw new ConfigException(key + ": not a host name or CIDR network: \"" + text + "\"");
      }
      if (IPV4.matcher(text).matches()) {
        return network(key, text, 32);
      }
      return new AllowedTarget(text.toLowerCase(Locale.ROOT), null, 0);
    }
    String address = text.substring(0, slash);
    String bits = text.substring(slash + 1);
    if (!bits.matches("\\d{1,3}")) {
      throw new ConfigException(key + ": the prefix length of \"" + text + "\" is not a number");
    }
    return network(key, address, Integer.parseInt(bits));
  }

  private static AllowedTarget network(String key, String address, int prefix)
      throws ConfigException {
    // Only literals reach getByName, so nothing is looked up in DNS here.
    Matcher m = IPV4.matcher(address);
    boolean v4 = m.matches();
    if (v4) {
      for (int i = 1; i <= 4; i++) {
        if (Integer.parseInt(m.group(i)) > 255) {
          throw new ConfigException(key + ": \"" + address + "\" is not an IP address");
        }
      }
    }
    if (!v4 && !IPV6.matcher(address).matches()) {
      throw new ConfigException(key + ": \"" + address + "\" is not an IP address");
    }
    InetAddress network;
    try {
      network = InetAddress.getByName(address);
    } catch (UnknownHostException e) {
      throw new ConfigException(key + ": \"" + address + "\" is not an IP address");
    }
    int bits = network.getAddress().length * 8;
    if (prefix > bits) {
      throw new ConfigException(
          key + ": prefix /" + prefix + " is longer than the address (" + bits + ")");
    }
    return new AllowedTarget(null, network, prefix);
  }
}
