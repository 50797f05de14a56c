package io.clockhealth.exporter.webconfig;

import static org.assertj.core.api.Assertions.assertThat;

import io.clockhealth.exporter.web.TestPki;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding 6: an expired or not-yet-valid certificate is worth a warning. */
class CertificateValidityTest {

  @TempDir Path dir;

  @Test
  void expiredAndNotYetValidCertificatesAreNamed() throws Exception {
    Path certificateFile = TestPki.selfSigned(dir, "c", "/CN=x", 2);
    X509Certificate certificate =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(certificateFile)));
    Instant now = Instant.now();
    assertThat(CertificateValidity.problem(certificate, now)).isEmpty();
    assertThat(CertificateValidity.problem(certificate, now.plus(Duration.ofDays(3))))
        .hasValueSatisfying(p -> assertThat(p).startsWith("expired at "));
    assertThat(CertificateValidity.problem(certificate, now.minus(Duration.ofDays(1))))
        .hasValueSatisfying(p -> assertThat(p).startsWith("not valid before "));
  }
}
