package io.clockhealth.exporter.webconfig;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A validated web configuration. {@code tls} is {@code null} for plain HTTP; {@code users} empty
 * means no basic auth.
 */
public record WebConfig(@Nullable Tls tls, Map<String, String> users, Map<String, String> headers) {

  public static final WebConfig NONE = new WebConfig(null, Map.of(), Map.of());

  public WebConfig {
    users = Map.copyOf(users);
    headers = Map.copyOf(headers);
  }

  /** What {@code client_auth_type} asks of the client's certificate. */
  public enum ClientAuth {
    NO_CLIENT_CERT,
    REQUEST_CLIENT_CERT,
    REQUIRE_ANY_CLIENT_CERT,
    VERIFY_CLIENT_CERT_IF_GIVEN,
    REQUIRE_AND_VERIFY_CLIENT_CERT
  }

  /**
   * The TLS part; {@code protocols} are the Java protocol names allowed by min/max version.
   *
   * @param clientCaFile {@code null} when client certificates are not verified against a CA
   * @param cipherSuites Java suite names to offer; empty for Java's defaults
   */
  public record Tls(
      Path certFile,
      Path keyFile,
      ClientAuth clientAuth,
      @Nullable Path clientCaFile,
      List<String> protocols,
      List<String> cipherSuites,
      boolean preferServerCipherSuites) {

    public Tls {
      protocols = List.copyOf(protocols);
      cipherSuites = List.copyOf(cipherSuites);
    }
  }
}
