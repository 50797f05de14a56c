package io.clockhealth.exporter.webconfig;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.clockhealth.exporter.config.BoundedFiles;
import io.clockhealth.exporter.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and validates an exporter-toolkit web configuration file. Every problem — unknown key,
 * missing certificate, a user whose hash is not bcrypt — is a {@link ConfigException} naming it.
 * Relative file names are resolved against the configuration file's directory, as exporter-toolkit
 * does.
 */
public final class WebConfigLoader {

  private static final Logger LOG = LoggerFactory.getLogger(WebConfigLoader.class);

  private static final List<String> VERSIONS = List.of("TLS10", "TLS11", "TLS12", "TLS13");
  private static final List<String> JAVA_PROTOCOLS =
      List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");

  /** The versions Go's and Java's bcrypt agree on, and the costs both accept. */
  private static final Pattern BCRYPT_HASH =
      Pattern.compile("\\$2[aby]\\$(0[4-9]|[12][0-9]|3[01])\\$[./A-Za-z0-9]{53}");

  private final ObjectMapper mapper =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  public WebConfig load(Path file) throws ConfigException {
    String source = "web.config.file " + file;
    String text;
    try {
      text = BoundedFiles.readConfigText(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(source + ": cannot read: " + e.getMessage(), e);
    }
    WebConfigFile parsed;
    try {
      parsed = text.isBlank() ? new WebConfigFile() : mapper.readValue(text, WebConfigFile.class);
    } catch (UnrecognizedPropertyException e) {
      throw new ConfigException(
          source + line(e) + ": unknown key \"" + e.getPropertyName() + "\"", e);
    } catch (JsonMappingException e) {
      throw new ConfigException(
          source + line(e) + ": invalid value: " + firstLine(e.getOriginalMessage()), e);
    } catch (JsonProcessingException e) {
      throw new ConfigException(
          source + line(e) + ": not valid YAML: " + firstLine(e.getOriginalMessage()), e);
    }
    if (parsed == null) {
      parsed = new WebConfigFile();
    }
    Path base = file.toAbsolutePath().getParent();
    return new WebConfig(
        parsed.tls == null ? null : tls(source, base, parsed.tls),
        users(source, parsed.basicAuthUsers),
        headers(source, parsed.http == null ? null : parsed.http.headers));
  }

  private static WebConfig.Tls tls(String source, @Nullable Path base, WebConfigFile.Tls tls)
      throws ConfigException {
    Path cert = requiredFile(source, base, "tls_server_config.cert_file", tls.certFile);
    Path key = requiredFile(source, base, "tls_server_config.key_file", tls.keyFile);
    WebConfig.ClientAuth clientAuth = clientAuth(source, tls.clientAuthType);
    Path clientCa = null;
    if (tls.clientCaFile != null && !tls.clientCaFile.isBlank()) {
      clientCa = requiredFile(source, base, "tls_server_config.client_ca_file", tls.clientCaFile);
    }
    boolean verifies =
        clientAuth == WebConfig.ClientAuth.VERIFY_CLIENT_CERT_IF_GIVEN
            || clientAuth == WebConfig.ClientAuth.REQUIRE_AND_VERIFY_CLIENT_CERT;
    if (verifies && clientCa == null) {
      throw new ConfigException(
          source
              + ": tls_server_config.client_ca_file is required with client_auth_type "
              + tls.clientAuthType);
    }
    int min = version(source, "tls_server_config.min_version", tls.minVersion, 2);
    int max = version(source, "tls_server_config.max_version", tls.maxVersion, 3);
    if (min > max) {
      throw new ConfigException(source + ": tls_server_config.min_version is above max_version");
    }
    // Read the PEM files now: a key that does not load is a start-up error, not a failed handshake.
    warnIfNotValidNow(cert, PemFiles.keyStore(cert, key));
    if (clientCa != null) {
      PemFiles.trustStore(clientCa);
    }
    if (tls.curvePreferences != null && !tls.curvePreferences.isEmpty()) {
      // Java 17 sets key-exchange groups only process-wide (jdk.tls.namedGroups), not per server.
      throw new ConfigException(
          source
              + ": tls_server_config.curve_preferences is not supported: remove it (Java offers"
              + " x25519, secp256r1, secp384r1, secp521r1, x448 and ffdhe groups), or set them"
              + " for the whole JVM with -Djdk.tls.namedGroups=...");
    }
    return new WebConfig.Tls(
        cert,
        key,
        clientAuth,
        clientCa,
        JAVA_PROTOCOLS.subList(min, max + 1),
        CipherSuites.resolve(source, tls.cipherSuites),
        !Boolean.FALSE.equals(tls.preferServerCipherSuites));
  }

  private static void warnIfNotValidNow(Path cert, KeyStore store) throws ConfigException {
    try {
      X509Certificate leaf = (X509Certificate) store.getCertificate(PemFiles.ENTRY);
      CertificateValidity.problem(leaf, Instant.now())
          .ifPresent(
              problem ->
                  LOG.warn(
                      "tls_server_config.cert_file {}: certificate {}; clients that verify it"
                          + " will refuse to connect",
                      cert,
                      problem));
    } catch (KeyStoreException e) {
      throw new ConfigException("tls_server_config.cert_file " + cert + ": " + e.getMessage(), e);
    }
  }

  private static WebConfig.ClientAuth clientAuth(String source, @Nullable String value)
      throws ConfigException {
    if (value == null || value.isBlank()) {
      return WebConfig.ClientAuth.NO_CLIENT_CERT;
    }
    return switch (value) {
      case "NoClientCert" -> WebConfig.ClientAuth.NO_CLIENT_CERT;
      case "RequestClientCert" -> WebConfig.ClientAuth.REQUEST_CLIENT_CERT;
      case "RequireAnyClientCert" -> WebConfig.ClientAuth.REQUIRE_ANY_CLIENT_CERT;
      case "VerifyClientCertIfGiven" -> WebConfig.ClientAuth.VERIFY_CLIENT_CERT_IF_GIVEN;
      case "RequireAndVerifyClientCert" -> WebConfig.ClientAuth.REQUIRE_AND_VERIFY_CLIENT_CERT;
      default ->
          throw new ConfigException(
              source
                  + ": tls_server_config.client_auth_type \""
                  + value
                  + "\" is not one of NoClientCert, RequestClientCert, RequireAnyClientCert,"
                  + " VerifyClientCertIfGiven, RequireAndVerifyClientCert");
    };
  }

  private static int version(String source, String key, @Nullable String value, int fallback)
      throws ConfigException {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    int index = VERSIONS.indexOf(value.toUpperCase(Locale.ROOT));
    if (index < 0) {
      throw new ConfigException(
          source + ": " + key + " \"" + value + "\" is not one of " + VERSIONS);
    }
    return index;
  }

  /**
   * exporter-toolkit's settable headers and, where it restricts them, their values. Any other
   * header (e.g. Content-Length) could break responses.
   */
  private static final Map<String, List<String>> SETTABLE_HEADERS =
      Map.of(
          "Strict-Transport-Security", List.of(),
          "X-Content-Type-Options", List.of("nosniff"),
          "X-Frame-Options", List.of("deny", "sameorigin"),
          "X-XSS-Protection", List.of(),
          "Content-Security-Policy", List.of());

  private static Map<String, String> headers(String source, @Nullable Map<String, String> headers)
      throws ConfigException {
    if (headers == null) {
      return Map.of();
    }
    for (Map.Entry<String, String> header : headers.entrySet()) {
      List<String> values = SETTABLE_HEADERS.get(header.getKey());
      if (values == null) {
        throw new ConfigException(
            source
                + ": http_server_config.headers: \""
                + header.getKey()
                + "\" cannot be set; only "
                + String.join(", ", new TreeSet<>(SETTABLE_HEADERS.keySet())));
      }
      if (header.getValue() == null || (!values.isEmpty() && !values.contains(header.getValue()))) {
        throw new ConfigException(
            source
                + ": http_server_config.headers."
                + header.getKey()
                + " must be "
                + (values.isEmpty() ? "a value" : "one of " + values));
      }
    }
    return headers;
  }

  private static Map<String, String> users(String source, @Nullable Map<String, String> users)
      throws ConfigException {
    if (users == null) {
      return Map.of();
    }
    Map<String, String> checked = new LinkedHashMap<>();
    List<String> bad = new ArrayList<>();
    users.forEach(
        (user, hash) -> {
          if (hash == null || !BCRYPT_HASH.matcher(hash).matches()) {
            bad.add(user);
          } else {
            checked.put(user, hash);
          }
        });
    if (!bad.isEmpty()) {
      throw new ConfigException(
          source
              + ": basic_auth_users: not a bcrypt hash ($2y$/$2a$/$2b$, cost 04-31) for user(s) "
              + bad.stream().sorted().collect(Collectors.joining(", ")));
    }
    return checked;
  }

  private static Path requiredFile(
      String source, @Nullable Path base, String key, @Nullable String value)
      throws ConfigException {
    if (value == null || value.isBlank()) {
      throw new ConfigException(source + ": " + key + " is required");
    }
    Path path = base == null ? Path.of(value) : base.resolve(value);
    if (!Files.isReadable(path)) {
      throw new ConfigException(source + ": " + key + ": cannot read " + path);
    }
    return path;
  }

  private static String line(JsonProcessingException e) {
    return e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
  }

  private static String firstLine(@Nullable String text) {
    return text == null ? "" : text.lines().findFirst().orElse("");
  }
}
