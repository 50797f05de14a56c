package io.clockhealth.exporter.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.clockhealth.exporter.collect.BuildInfo;
import io.clockhealth.exporter.collect.ClockCollector;
import io.clockhealth.exporter.webconfig.WebConfigSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Finding 7: the five {@code client_auth_type} values as exporter-toolkit (Go's crypto/tls) defines
 * them, with real handshakes from a client without a certificate, with one the client CA signed,
 * and with one from another CA.
 */
class ClientAuthTypeTest {

  @TempDir static Path pkiDir;
  @TempDir static Path rogueDir;
  private static TestPki pki;
  private static TestPki rogue;

  private ExporterServer server;
  private ClockCollector collector;

  @BeforeAll
  static void makeCertificates() throws Exception {
    pki = TestPki.create(pkiDir);
    rogue = TestPki.create(rogueDir);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    collector.close();
  }

  @ParameterizedTest(name = "{0}: none={1} signed={2} other CA={3}")
  @CsvSource({
    "NoClientCert,               200, 200, 200",
    "RequestClientCert,          200, 200, 200",
    "RequireAnyClientCert,       refused, 200, 200",
    "VerifyClientCertIfGiven,    200, 200, refused",
    "RequireAndVerifyClientCert, refused, 200, refused"
  })
  void eachModeAsksVerifiesAndRequiresAsGoDoes(
      String mode, String none, String signed, String otherCa) throws Exception {
    Path web = pkiDir.resolve(mode + ".yml");
    Files.writeString(
        web,
        "tls_server_config:\n  cert_file: "
            + pki.serverCert
            + "\n  key_file: "
            + pki.serverKey
            + "\n  client_auth_type: "
            + mode
            + "\n  client_ca_file: "
            + pki.caCert
            + "\n");
    collector = new ClockCollector(List.of(), Clock.systemUTC(), new BuildInfo("t", "t"));
    server = TestServers.started(collector, WebConfigSource.load(web), 8);
    int port = server.port();
    assertThat(outcome(new RawHttpsClient(), port)).as("no certificate").isEqualTo(none);
    assertThat(outcome(new RawHttpsClient().clientCertificate(pki.clientCert, pki.clientKey), port))
        .as("certificate of the client CA")
        .isEqualTo(signed);
    assertThat(
            outcome(
                new RawHttpsClient().clientCertificate(rogue.clientCert, rogue.clientKey), port))
        .as("certificate of another CA")
        .isEqualTo(otherCa);
  }

  private static String outcome(RawHttpsClient client, int port) {
    try {
      String head = client.get(port, "/-/healthy");
      return head.startsWith("HTTP/1.1 200") ? "200" : head.lines().findFirst().orElse("");
    } catch (Exception e) {
      return "refused";
    }
  }
}
