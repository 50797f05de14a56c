package io.clockhealth.exporter.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

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
  public Tls tls;

  @JsonProperty("http_server_config")
  public Http http;

  @JsonProperty("basic_auth_users")
  public Map<String, String> basicAuthUsers;

  /** {@code tls_server_config}. */
  public static final class Tls {
    @JsonProperty("cert_file")
    public String certFile;

    @JsonProperty("key_file")
    public String keyFile;

    @JsonProperty("client_auth_type")
    public String clientAuthType;

    @JsonProperty("client_ca_file")
    public String clientCaFile;

    @JsonProperty("min_version")
    public String minVersion;

    @JsonProperty("max_version")
    public String maxVersion;

    @JsonProperty("cipher_suites")
    public List<String> cipherSuites;

    /** Refused when set: see {@link WebConfigLoader}. */
    @JsonProperty("curve_preferences")
    public List<String> curvePreferences;

    @JsonProperty("prefer_server_cipher_suites")
    public Boolean preferServerCipherSuites;
  }

  /** {@code http_server_config}. */
  public static final class Http {
    @JsonProperty("http2")
    public Boolean http2;

    @JsonProperty("headers")
    public Map<String, String> headers;
  }
}
