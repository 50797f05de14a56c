package io.clockhealth.exporter.webconfig;

import io.clockhealth.exporter.config.ConfigException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * {@code cipher_suites} as Go reads it: IANA names (the same in Java) for TLS 1.2 and older, while
 * the TLS 1.3 suites are not configurable and stay on. Go's pre-1.16 ChaCha20 names without {@code
 * _SHA256} are accepted too. A name this Java runtime cannot offer is an error, never silently
 * dropped.
 */
public final class CipherSuites {

  private CipherSuites() {}

  /**
   * Resolves the web config's (Go) cipher suite names to Java's.
   *
   * @return the Java suites to include, TLS 1.3 ones first; empty for Java's defaults
   */
  public static List<String> resolve(String source, @Nullable List<String> goNames)
      throws ConfigException {
    if (goNames == null || goNames.isEmpty()) {
      return List.of();
    }
    Set<String> supported = supported();
    List<String> resolved =
        supported.stream().filter(CipherSuites::isTls13).sorted().collect(Collectors.toList());
    List<String> unknown = new ArrayList<>();
    for (String name : goNames) {
      String java = name.endsWith("_CHACHA20_POLY1305") ? name + "_SHA256" : name;
      if (supported.contains(java)) {
        resolved.add(java);
      } else {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      throw new ConfigException(
          source
              + ": tls_server_config.cipher_suites: not supported by this Java runtime: "
              + String.join(", ", unknown));
    }
    return List.copyOf(resolved);
  }

  private static boolean isTls13(String suite) {
    return suite.startsWith("TLS_AES_") || suite.startsWith("TLS_CHACHA20_");
  }

  private static Set<String> supported() {
    try {
      return Set.copyOf(
          Arrays.asList(SSLContext.getDefault().getSupportedSSLParameters().getCipherSuites()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no default TLS context", e);
    }
  }
}
