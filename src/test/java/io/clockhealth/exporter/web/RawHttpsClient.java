package io.clockhealth.exporter.web;

import io.clockhealth.exporter.webconfig.PemFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509TrustManager;

/**
 * A minimal HTTPS client on a raw TLS socket, so tests control exactly what Prometheus would: the
 * address (an IP), the SNI name, the client certificate, the protocol version, the credentials.
 * Like a scrape with {@code insecure_skip_verify}, it does not verify the server.
 */
final class RawHttpsClient {

  private Path clientCert;
  private Path clientKey;
  private String sniName;
  private String protocol;
  private String user;
  private String password;
  private Path trustedCa;
  private String cipherSuite;

  RawHttpsClient clientCertificate(Path cert, Path key) {
    clientCert = cert;
    clientKey = key;
    return this;
  }

  /** Verifies the server against this CA instead of trusting any server. */
  RawHttpsClient trusting(Path caCert) {
    trustedCa = caCert;
    return this;
  }

  /** Offers only this cipher suite. */
  RawHttpsClient cipherSuite(String name) {
    cipherSuite = name;
    return this;
  }

  RawHttpsClient sni(String name) {
    sniName = name;
    return this;
  }

  RawHttpsClient protocol(String name) {
    protocol = name;
    return this;
  }

  RawHttpsClient basicAuth(String user, String password) {
    this.user = user;
    this.password = password;
    return this;
  }

  /** A client context that, like {@code insecure_skip_verify}, trusts any server. */
  static SSLContext trustingContext() throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {trustAll()}, null);
    return context;
  }

  /** The response's status line and headers, e.g. {@code HTTP/1.1 200 OK}. */
  String get(int port, String path) throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keyManagers(), trustManagers(), null);
    try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(5_000);
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setServerNames(sniName == null ? List.of() : List.of(new SNIHostName(sniName)));
      if (protocol != null) {
        parameters.setProtocols(new String[] {protocol});
      }
      if (cipherSuite != null) {
        parameters.setCipherSuites(new String[] {cipherSuite});
      }
      socket.setSSLParameters(parameters);
      socket.startHandshake();
      return exchange(socket, path);
    }
  }

  String exchange(Socket socket, String path) throws IOException {
    StringBuilder request =
        new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
    if (user != null) {
      String token =
          Base64.getEncoder()
              .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      request.append("Authorization: Basic ").append(token).append("\r\n");
    }
    request.append("\r\n");
    OutputStream out = socket.getOutputStream();
    out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
    out.flush();
    InputStream in = socket.getInputStream();
    String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    int end = response.indexOf("\r\n\r\n");
    return end < 0 ? response : response.substring(0, end);
  }

  private KeyManager[] keyManagers() throws Exception {
    if (clientCert == null) {
      return null;
    }
    KeyStore store = PemFiles.keyStore(clientCert, clientKey);
    KeyManagerFactory factory = KeyManagerFactory.getInstance("SunX509"); // plain aliases
    factory.init(store, PemFiles.STORE_PASSWORD);
    return new KeyManager[] {alwaysPresent((X509ExtendedKeyManager) factory.getKeyManagers()[0])};
  }

  /**
   * Presents the certificate even when the server names CAs that did not issue it (Java's own key
   * manager would then send none), as a rogue client would.
   */
  private static X509ExtendedKeyManager alwaysPresent(X509ExtendedKeyManager keys) {
    return new X509ExtendedKeyManager() {
      @Override
      public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return PemFiles.ENTRY;
      }

      @Override
      public String chooseEngineClientAlias(
          String[] keyType, Principal[] issuers, SSLEngine engine) {
        return PemFiles.ENTRY;
      }

      @Override
      public String[] getClientAliases(String keyType, Principal[] issuers) {
        return new String[] {PemFiles.ENTRY};
      }

      @Override
      public String[] getServerAliases(String keyType, Principal[] issuers) {
        return null;
      }

      @Override
      public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
      }

      @Override
      public X509Certificate[] getCertificateChain(String alias) {
        return keys.getCertificateChain(alias);
      }

      @Override
      public PrivateKey getPrivateKey(String alias) {
        return keys.getPrivateKey(alias);
      }
    };
  }

  private TrustManager[] trustManagers() throws Exception {
    if (trustedCa == null) {
      return new TrustManager[] {trustAll()};
    }
    TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
    factory.init(PemFiles.trustStore(trustedCa));
    return factory.getTrustManagers();
  }

  private static X509TrustManager trustAll() {
    return new X509TrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    };
  }
}
