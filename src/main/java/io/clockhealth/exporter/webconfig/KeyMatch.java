package io.clockhealth.exporter.webconfig;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;

/**
 * Whether a private key belongs to a certificate's public key: sign a probe with the one, verify
 * with the other. A pair that does not match would fail every handshake with "decrypt error".
 */
final class KeyMatch {

  private static final byte[] PROBE = "clock-health-exporter".getBytes(StandardCharsets.US_ASCII);

  private KeyMatch() {}

  static boolean matches(PrivateKey key, PublicKey certificateKey) {
    if (!key.getAlgorithm().equals(certificateKey.getAlgorithm())) {
      return false;
    }
    try {
      String algorithm = signatureAlgorithm(key.getAlgorithm());
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(PROBE);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificateKey);
      verifier.update(PROBE);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static String signatureAlgorithm(String keyAlgorithm) {
    return switch (keyAlgorithm) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      default -> keyAlgorithm; // Ed25519, EdDSA
    };
  }
}
