package io.clockhealth.exporter.webconfig;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;

/** Whether a certificate is valid now; clients that verify refuse one that is not. */
public final class CertificateValidity {

  private CertificateValidity() {}

  /** A sentence for the log when {@code certificate} is expired or not yet valid at {@code now}. */
  public static Optional<String> problem(X509Certificate certificate, Instant now) {
    Instant notBefore = certificate.getNotBefore().toInstant();
    Instant notAfter = certificate.getNotAfter().toInstant();
    if (now.isAfter(notAfter)) {
      return Optional.of("expired at " + notAfter);
    }
    if (now.isBefore(notBefore)) {
      return Optional.of("not valid before " + notBefore);
    }
    return Optional.empty();
  }
}
