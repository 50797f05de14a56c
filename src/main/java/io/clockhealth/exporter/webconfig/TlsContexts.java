package io.clockhealth.exporter.webconfig;

import io.clockhealth.exporter.config.ConfigException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CRL;
import java.util.Collection;
import java.util.Objects;
import javax.net.ssl.TrustManager;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** Applies a {@link WebConfig.Tls} to Jetty's server-side SSL context factory. */
public final class TlsContexts {

  private TlsContexts() {}

  public static SslContextFactory.Server create(WebConfig.Tls tls) throws ConfigException {
    SslContextFactory.Server factory = new ServerContextFactory();
    configure(factory, tls);
    return factory;
  }

  /**
   * Jetty honours {@code trustAll} only in a factory without key store: with one, it verifies
   * client certificates against that key store and so refuses every one. Go's RequestClientCert and
   * RequireAnyClientCert accept any certificate unverified.
   */
  private static final class ServerContextFactory extends SslContextFactory.Server {
    private volatile boolean acceptAnyClientCertificate;

    @Override
    protected TrustManager[] getTrustManagers(KeyStore trustStore, Collection<? extends CRL> crls)
        throws Exception {
      return acceptAnyClientCertificate
          ? SslContextFactory.TRUST_ALL_CERTS
          : super.getTrustManagers(trustStore, crls);
    }
  }

  /** (Re)configures {@code factory}; also used inside {@code SslContextFactory.reload}. */
  public static void configure(SslContextFactory.Server factory, WebConfig.Tls tls)
      throws ConfigException {
    factory.setKeyStore(PemFiles.keyStore(tls.certFile(), tls.keyFile()));
    factory.setKeyStorePassword(new String(PemFiles.STORE_PASSWORD));
    factory.setKeyManagerPassword(new String(PemFiles.STORE_PASSWORD));
    factory.setIncludeProtocols(tls.protocols().toArray(new String[0]));
    factory.setIncludeCipherSuites(tls.cipherSuites().toArray(new String[0]));
    factory.setUseCipherSuitesOrder(tls.preferServerCipherSuites());
    // Exporters are scraped by IP address: no SNI match is required of clients.
    factory.setSniRequired(false);
    factory.setNeedClientAuth(false);
    factory.setWantClientAuth(false);
    factory.setTrustAll(false);
    if (factory instanceof ServerContextFactory ours) {
      ours.acceptAnyClientCertificate = false;
    }
    factory.setTrustStore(null);
    switch (tls.clientAuth()) {
      case NO_CLIENT_CERT -> {}
      case REQUEST_CLIENT_CERT -> trustAnything(factory, false);
      case REQUIRE_ANY_CLIENT_CERT -> trustAnything(factory, true);
      case VERIFY_CLIENT_CERT_IF_GIVEN -> {
        factory.setTrustStore(PemFiles.trustStore(clientCa(tls)));
        factory.setWantClientAuth(true);
      }
      case REQUIRE_AND_VERIFY_CLIENT_CERT -> {
        factory.setTrustStore(PemFiles.trustStore(clientCa(tls)));
        factory.setNeedClientAuth(true);
      }
    }
  }

  /** Go's RequestClientCert / RequireAnyClientCert: a certificate is asked for, not verified. */
  private static void trustAnything(SslContextFactory.Server factory, boolean required) {
    factory.setTrustAll(true);
    if (factory instanceof ServerContextFactory ours) {
      ours.acceptAnyClientCertificate = true;
    }
    if (required) {
      factory.setNeedClientAuth(true);
    } else {
      factory.setWantClientAuth(true);
    }
  }

  /** WebConfigLoader refuses the verifying modes without a CA file. */
  private static Path clientCa(WebConfig.Tls tls) {
    return Objects.requireNonNull(tls.clientCaFile(), "client_ca_file");
  }
}
