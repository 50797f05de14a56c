package io.clockhealth.exporter.webconfig;

import io.clockhealth.exporter.config.BoundedFiles;
import io.clockhealth.exporter.config.ConfigException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds Java key and trust stores from the PEM files exporter-toolkit configs name (Jetty reads
 * only key stores). Keys: PKCS#8 ({@code PRIVATE KEY}, RSA or EC) and PKCS#1 ({@code RSA PRIVATE
 * KEY}).
 */
public final class PemFiles {

  /** The in-memory stores' password; they never touch the disk. */
  public static final char[] STORE_PASSWORD = "in-memory".toCharArray();

  /** The key store's one entry. */
  public static final String ENTRY = "server";

  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----");

  private PemFiles() {}

  /** The certificate chain under {@link #ENTRY} and its key, which must belong to it. */
  public static KeyStore keyStore(Path certFile, Path keyFile) throws ConfigException {
    List<Certificate> chain = certificates(certFile);
    if (chain.isEmpty()) {
      throw new ConfigException("tls_server_config.cert_file " + certFile + ": no certificate");
    }
    PrivateKey key = privateKey(keyFile);
    if (!KeyMatch.matches(key, chain.get(0).getPublicKey())) {
      throw new ConfigException(
          "tls_server_config: key_file " + keyFile + " does not match cert_file " + certFile);
    }
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(ENTRY, key, STORE_PASSWORD, chain.toArray(new Certificate[0]));
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new ConfigException(
          "tls_server_config: certificate " + certFile + " and key " + keyFile + ": " + e, e);
    }
  }

  public static KeyStore trustStore(Path caFile) throws ConfigException {
    List<Certificate> cas = certificates(caFile);
    if (cas.isEmpty()) {
      throw new ConfigException("tls_server_config.client_ca_file " + caFile + ": no certificate");
    }
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      for (int i = 0; i < cas.size(); i++) {
        store.setCertificateEntry("ca-" + i, cas.get(i));
      }
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new ConfigException("tls_server_config.client_ca_file " + caFile + ": " + e, e);
    }
  }

  static List<Certificate> certificates(Path file) throws ConfigException {
    try {
      byte[] bytes = BoundedFiles.read(file, BoundedFiles.CONFIG_MAX_BYTES);
      return new ArrayList<>(
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(bytes)));
    } catch (IOException | GeneralSecurityException e) {
      throw new ConfigException(file + ": not a PEM certificate: " + e.getMessage(), e);
    }
  }

  static PrivateKey privateKey(Path file) throws ConfigException {
    String text;
    try {
      text = BoundedFiles.readConfigText(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new ConfigException("tls_server_config.key_file " + file + ": " + e.getMessage(), e);
    }
    Matcher m = BLOCK.matcher(text);
    while (m.find()) {
      byte[] der = Base64.getMimeDecoder().decode(m.group(2));
      switch (m.group(1)) {
        case "PRIVATE KEY" -> {
          return pkcs8(file, der);
        }
        case "RSA PRIVATE KEY" -> {
          return pkcs8(file, Pkcs1.toPkcs8(der));
        }
        case "EC PRIVATE KEY" ->
            throw new ConfigException(
                "tls_server_config.key_file "
                    + file
                    + ": SEC1 EC keys are not supported; convert with"
                    + " `openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8`");
        default -> {
          // certificates or parameters in the same file: keep looking
        }
      }
    }
    throw new ConfigException("tls_server_config.key_file " + file + ": no PEM private key");
  }

  private static PrivateKey pkcs8(Path file, byte[] der) throws ConfigException {
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
    for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new ConfigException(
        "tls_server_config.key_file " + file + ": not an RSA, EC or Ed25519 private key");
  }
}
