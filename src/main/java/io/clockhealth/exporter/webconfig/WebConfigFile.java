package io.clockhealth.exporter.webconfig;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The web configuration file in the Prometheus exporter-toolkit format ({@code --web.config.file}):
 * TLS, mutual TLS and basic auth. Field-bound classes so that an unknown key is reported at its own
 * line.
 *
 * <pre>
 * tls_server_config:
 *   cert_file: server.crt
 *   key_file: server.key
 *   client_auth_type: RequireAndVerifyClientCert
 *   client_ca_file: clients-ca.crt
 *   min_version: TLS12
 * basic_auth_users:
 *   prometheus: $2y$10$...
 * </pre>
 */
public final class WebConfigFile {

  @JsonProperty("tls_server_config")
  public @Nullable Tls tls;

  @JsonProperty("http_server_config")
  public @Nullable Http http;

  @JsonProperty("basic_auth_users")
  public @Nullable Map<String, String> basicAuthUsers;

  /** {@code tls_server_config}. */
  public static final class Tls {
    @JsonProperty("cert_file")
    public @Nullable String certFile;

    @JsonProperty("key_file")
    public @Nullable String keyFile;

    @JsonProperty("client_auth_type")
    public @Nullable String clientAuthType;

    @JsonProperty("client_ca_file")
    public @Nullable String clientCaFile;

    @JsonProperty("min_version")
    public @Nullable String minVersion;

    @JsonProperty("max_version")
    public @Nullable String maxVersion;

    @JsonProperty("cipher_suites")
    public @Nullable List<String> cipherSuites;

    /** Refused when set: see {@link WebConfigLoader}. */
    @JsonProperty("curve_preferences")
    public @Nullable List<String> curvePreferences;

    @JsonProperty("prefer_server_cipher_suites")
    public @Nullable Boolean preferServerCipherSuites;
  }

  /** {@code http_server_config}. */
  public static final class Http {
    @JsonProperty("http2")
    public @Nullable Boolean http2;

    @JsonProperty("headers")
    public @Nullable Map<String, String> headers;
  }
}
