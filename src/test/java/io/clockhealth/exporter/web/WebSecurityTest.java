package io.clockhealth.exporter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.clockhealth.exporter.collect.BuildInfo;
import io.clockhealth.exporter.collect.ClockCollector;
import io.clockhealth.exporter.config.ConfigException;
import io.clockhealth.exporter.webconfig.WebConfigSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS, mutual TLS and basic auth from an exporter-toolkit web config, with real handshakes. */
class WebSecurityTest {

  @TempDir static Path pkiDir;
  private static TestPki pki;
  private static String secretHash;

  @TempDir Path dir;
  private ExporterServer server;
  private ClockCollector collector;

  @BeforeAll
  static void makeCertificates() throws Exception {
    pki = TestPki.create(pkiDir);
    secretHash = BCrypt.with(BCrypt.Version.VERSION_2Y).hashToString(10, "s3cret".toCharArray());
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (collector != null) {
      collector.close();
    }
  }

  private Path webConfig(String yaml) throws IOException {
    Path file = dir.resolve("web.yml");
    Files.writeString(file, yaml);
    return file;
  }

  private int start(Path webConfigFile) throws Exception {
    collector = new ClockCollector(List.of(), Clock.systemUTC(), new BuildInfo("t", "t"));
    server = TestServers.started(collector, WebConfigSource.load(webConfigFile), 8);
    return server.port();
  }

  /** The tls_server_config block with this certificate and key. */
  private static String tls(Object certFile, Object keyFile) {
    return "tls_server_config:\n  cert_file: " + certFile + "\n  key_file: " + keyFile + "\n";
  }

  private String tlsWithUsers() {
    return tls(pki.serverCert, pki.serverKey)
        + "basic_auth_users:\n"
        + "  prometheus: "
        + secretHash
        + "\n";
  }

  @Test
  void basicAuthOverTls() throws Exception {
    int port = start(webConfig(tlsWithUsers()));
    assertThat(new RawHttpsClient().basicAuth("prometheus", "s3cret").get(port, "/metrics"))
        .startsWith("HTTP/1.1 200");
    assertThat(new RawHttpsClient().basicAuth("prometheus", "wrong").get(port, "/metrics"))
        .startsWith("HTTP/1.1 401")
        .contains("WWW-Authenticate: Basic");
    assertThat(new RawHttpsClient().basicAuth("nobody", "s3cret").get(port, "/metrics"))
        .startsWith("HTTP/1.1 401");
    assertThat(new RawHttpsClient().get(port, "/metrics")).startsWith("HTTP/1.1 401");
    // cached verification still answers the right password, and only it
    assertThat(new RawHttpsClient().basicAuth("prometheus", "s3cret").get(port, "/-/healthy"))
        .startsWith("HTTP/1.1 200");
    // /probe is behind the same check: refused without the password, reached with it (400: no
    // target was given, so nothing is sent anywhere; this client reads only the head)
    assertThat(new RawHttpsClient().get(port, "/probe?target=127.0.0.1"))
        .startsWith("HTTP/1.1 401");
    assertThat(new RawHttpsClient().basicAuth("prometheus", "s3cret").get(port, "/probe"))
        .startsWith("HTTP/1.1 400");
  }

  @Test
  void aPasswordLongerThanBcryptReadsIs401NotAServerError() throws Exception {
    int port = start(webConfig(tlsWithUsers()));
    String longPassword = "p".repeat(PasswordChecker.MAX_PASSWORD_BYTES + 1);
    assertThat(new RawHttpsClient().basicAuth("prometheus", longPassword).get(port, "/-/healthy"))
        .startsWith("HTTP/1.1 401");
    assertThat(new RawHttpsClient().basicAuth("nobody", longPassword).get(port, "/-/healthy"))
        .startsWith("HTTP/1.1 401");
  }

  @Test
  void hashesBcryptCannotCheckStopStartUp() throws Exception {
    String valid = secretHash.substring(7);
    for (String bad : List.of("$2y$99$", "$2y$03$", "$2y$32$", "$2$10$", "$2x$10$")) {
      assertThatThrownBy(
              () ->
                  WebConfigSource.load(webConfig("basic_auth_users:\n  a: " + bad + valid + "\n")))
          .as(bad)
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("not a bcrypt hash")
          .hasMessageContaining("a");
    }
    for (String good : List.of("$2y$04$", "$2a$10$", "$2b$31$")) {
      loads(webConfig("basic_auth_users:\n  a: " + good + valid + "\n"));
    }
  }

  private static void loads(Path file) throws ConfigException {
    assertThat(WebConfigSource.load(file)).isNotNull();
  }

  @Test
  void aScrapeByIpOrWithAnotherSniNameWorks() throws Exception {
    int port = start(webConfig(tlsWithUsers()));
    // The certificate names only DNS:localhost; Jetty's SNI host check would answer 400.
    assertThat(
            new RawHttpsClient()
                .basicAuth("prometheus", "s3cret")
                .sni("node-7.example.org")
                .get(port, "/metrics"))
        .startsWith("HTTP/1.1 200");
  }

  @Test
  void mutualTlsRefusesAClientWithoutCertificate() throws Exception {
    int port =
        start(
            webConfig(
                tls(pki.serverCert, pki.serverKeyPkcs1)
                    + "  client_auth_type: RequireAndVerifyClientCert\n"
                    + "  client_ca_file: "
                    + pki.caCert
                    + "\n"));
    assertThat(
            new RawHttpsClient()
                .clientCertificate(pki.clientCert, pki.clientKey)
                .get(port, "/metrics"))
        .startsWith("HTTP/1.1 200");
    assertThatThrownBy(() -> new RawHttpsClient().get(port, "/metrics"))
        .isInstanceOfAny(SSLException.class, IOException.class);
    // A certificate the client CA did not sign is refused too.
    assertThatThrownBy(
            () ->
                new RawHttpsClient()
                    .clientCertificate(pki.serverCert, pki.serverKey)
                    .get(port, "/metrics"))
        .isInstanceOfAny(SSLException.class, IOException.class);
  }

  @Test
  void plainHttpToTheTlsPortIsRefusedCleanly() throws Exception {
    int port = start(webConfig(tlsWithUsers()));
    long startNanos = System.nanoTime();
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(5_000);
      socket
          .getOutputStream()
          .write("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      String answer;
      try {
        answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      } catch (IOException reset) {
        answer = "";
      }
      assertThat(answer).doesNotContain("200").doesNotContain("clock_");
    }
    assertThat((System.nanoTime() - startNanos) / 1e9).isLessThan(5.0);
  }

  @Test
  void minVersionRefusesOlderProtocols() throws Exception {
    int port = start(webConfig(tls(pki.serverCert, pki.serverKey) + "  min_version: TLS13\n"));
    assertThat(new RawHttpsClient().protocol("TLSv1.3").get(port, "/-/healthy"))
        .startsWith("HTTP/1.1 200");
    assertThatThrownBy(() -> new RawHttpsClient().protocol("TLSv1.2").get(port, "/-/healthy"))
        .isInstanceOfAny(SSLException.class, IOException.class);
  }

  @Test
  void aChangedFileAppliesWithoutRestart() throws Exception {
    Path file = webConfig(tlsWithUsers());
    int port = start(file);
    assertThat(new RawHttpsClient().basicAuth("prometheus", "s3cret").get(port, "/metrics"))
        .startsWith("HTTP/1.1 200");
    String newHash =
        BCrypt.with(BCrypt.Version.VERSION_2B).hashToString(10, "rotated".toCharArray());
    Files.writeString(file, tlsWithUsers().replace(secretHash, newHash));
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(
                        new RawHttpsClient()
                            .basicAuth("prometheus", "rotated")
                            .get(port, "/metrics"))
                    .startsWith("HTTP/1.1 200"));
    assertThat(new RawHttpsClient().basicAuth("prometheus", "s3cret").get(port, "/metrics"))
        .startsWith("HTTP/1.1 401");
  }

  @Test
  void aRenewedCertificateIsServedOnTheNextHandshakeWithoutAnyRequestSucceeding() throws Exception {
    TestPki renewed = TestPki.create(Files.createDirectories(dir.resolve("renewed")));
    Path cert = dir.resolve("server.crt");
    Path key = dir.resolve("server.key");
    Files.copy(pki.serverCert, cert);
    Files.copy(pki.serverKey, key);
    int port =
        start(webConfig("tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n"));
    // Every client verifies, against the CA of the renewed certificate only.
    RawHttpsClient verifying = new RawHttpsClient().trusting(renewed.caCert);
    assertThatThrownBy(() -> verifying.get(port, "/-/healthy"))
        .isInstanceOfAny(SSLException.class, IOException.class);
    Files.copy(renewed.serverKey, key, StandardCopyOption.REPLACE_EXISTING);
    Files.copy(renewed.serverCert, cert, StandardCopyOption.REPLACE_EXISTING);
    await()
        .atMost(Duration.ofSeconds(5))
        .ignoreExceptions()
        .untilAsserted(
            () -> assertThat(verifying.get(port, "/-/healthy")).startsWith("HTTP/1.1 200"));
  }

  private String tlsWith(String extra) {
    return "tls_server_config:\n  cert_file: "
        + pki.serverCert
        + "\n  key_file: "
        + pki.serverKey
        + "\n"
        + extra;
  }

  @Test
  void cipherSuitesAreHonouredAndUnknownOnesOrCurvesRefused() throws Exception {
    int port =
        start(
            webConfig(
                tlsWith(
                    "  max_version: TLS12\n  cipher_suites:\n"
                        + "    - TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384\n")));
    assertThat(
            new RawHttpsClient()
                .cipherSuite("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384")
                .get(port, "/-/healthy"))
        .startsWith("HTTP/1.1 200");
    assertThatThrownBy(
            () ->
                new RawHttpsClient()
                    .cipherSuite("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")
                    .get(port, "/-/healthy"))
        .isInstanceOfAny(SSLException.class, IOException.class);
    assertThatThrownBy(
            () ->
                WebConfigSource.load(webConfig(tlsWith("  cipher_suites: [TLS_NO_SUCH_SUITE]\n"))))
        .hasMessageContaining("cipher_suites")
        .hasMessageContaining("TLS_NO_SUCH_SUITE");
    assertThatThrownBy(
            () -> WebConfigSource.load(webConfig(tlsWith("  curve_preferences: [X25519]\n"))))
        .hasMessageContaining("curve_preferences is not supported");
  }

  @Test
  void onlyTheHeadersExporterToolkitAllowsCanBeSet() throws Exception {
    assertThatThrownBy(
            () ->
                WebConfigSource.load(
                    webConfig("http_server_config:\n  headers:\n    Content-Length: \"1\"\n")))
        .hasMessageContaining("\"Content-Length\" cannot be set");
    assertThatThrownBy(
            () ->
                WebConfigSource.load(
                    webConfig("http_server_config:\n  headers:\n    X-Frame-Options: allow\n")))
        .hasMessageContaining("X-Frame-Options must be one of [deny, sameorigin]");
    int port =
        start(
            webConfig(
                tlsWith(
                    "http_server_config:\n  headers:\n    X-Frame-Options: deny\n"
                        + "    Strict-Transport-Security: max-age=31536000\n")));
    assertThat(new RawHttpsClient().get(port, "/-/healthy"))
        .contains("X-Frame-Options: deny")
        .contains("Strict-Transport-Security: max-age=31536000")
        .contains("X-Content-Type-Options: nosniff");
  }

  @Test
  void invalidFilesStopStartUpNamingTheProblem() throws Exception {
    assertThatThrownBy(() -> WebConfigSource.load(webConfig("tls_server_config:\n  cert: x\n")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown key \"cert\"");
    assertThatThrownBy(
            () ->
                WebConfigSource.load(
                    webConfig(
                        "tls_server_config:\n  cert_file: /nonexistent.crt\n"
                            + "  key_file: "
                            + pki.serverKey
                            + "\n")))
        .hasMessageContaining("tls_server_config.cert_file")
        .hasMessageContaining("/nonexistent.crt");
    assertThatThrownBy(
            () -> WebConfigSource.load(webConfig("basic_auth_users:\n  alice: plaintext\n")))
        .hasMessageContaining("not a bcrypt hash")
        .hasMessageContaining("alice");
    assertThatThrownBy(
            () ->
                WebConfigSource.load(
                    webConfig(
                        tls(pki.serverCert, pki.serverKey)
                            + "  client_auth_type: RequireAndVerifyClientCert\n")))
        .hasMessageContaining("client_ca_file is required");
    assertThatThrownBy(() -> WebConfigSource.load(webConfig(tls(pki.serverCert, pki.serverCert))))
        .hasMessageContaining("no PEM private key");
    assertThatThrownBy(
            () ->
                WebConfigSource.load(
                    webConfig(
                        "tls_server_config:\n"
                            + "  cert_file: "
                            + pki.serverCert
                            + "\n"
                            + "  key_file: "
                            + pki.clientKey
                            + "\n")))
        .hasMessageContaining("does not match")
        .hasMessageContaining(pki.serverCert.toString())
        .hasMessageContaining(pki.clientKey.toString());
    assertThatThrownBy(() -> WebConfigSource.load(Path.of("/dev/zero")))
        .hasMessageContaining("not a regular file");
  }
}
