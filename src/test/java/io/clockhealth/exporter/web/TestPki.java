package io.clockhealth.exporter.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away CA with a server and a client certificate, made with the openssl command line (the
 * PEM files operators have), for TLS tests with real handshakes.
 */
public final class TestPki {

  public final Path dir;
  public final Path caCert;
  public final Path serverCert;
  public final Path serverKey;
  public final Path serverKeyPkcs1;
  public final Path clientCert;
  public final Path clientKey;

  private TestPki(Path dir) {
    this.dir = dir;
    this.caCert = dir.resolve("ca.crt");
    this.serverCert = dir.resolve("server.crt");
    this.serverKey = dir.resolve("server.key");
    this.serverKeyPkcs1 = dir.resolve("server-pkcs1.key");
    this.clientCert = dir.resolve("client.crt");
    this.clientKey = dir.resolve("client.key");
  }

  /** Certificates for {@code DNS:localhost} only: scrapes by IP must still work. */
  public static TestPki create(Path dir) throws IOException, InterruptedException {
    TestPki pki = new TestPki(dir);
    selfSigned(dir, "ca", "/CN=clock-test-ca", 2);
    pki.issue("server", "localhost", "subjectAltName=DNS:localhost\nextendedKeyUsage=serverAuth\n");
    pki.issue("client", "prometheus", "extendedKeyUsage=clientAuth\n");
    pki.openssl("rsa", "-in", "server.key", "-traditional", "-out", "server-pkcs1.key");
    return pki;
  }

  private void issue(String name, String commonName, String extensions)
      throws IOException, InterruptedException {
    Files.writeString(dir.resolve(name + ".ext"), extensions);
    newKey(dir, name, name + ".csr", "/CN=" + commonName);
    openssl(
        "x509",
        "-req",
        "-in",
        name + ".csr",
        "-CA",
        "ca.crt",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-out",
        name + ".crt",
        "-days",
        "2",
        "-extfile",
        name + ".ext");
  }

  /**
   * A self-signed certificate {@code <dir>/<name>.crt} with its RSA key {@code <name>.key}, valid
   * for {@code days} days from now; the certificate's path.
   */
  public static Path selfSigned(Path dir, String name, String subject, int days)
      throws IOException, InterruptedException {
    newKey(dir, name, name + ".crt", subject, "-x509", "-days", Integer.toString(days));
    return dir.resolve(name + ".crt");
  }

  /** openssl req: a new 2048-bit RSA key {@code <name>.key} (no passphrase), its output to out. */
  private static void newKey(Path dir, String name, String out, String subject, String... more)
      throws IOException, InterruptedException {
    List<String> args = new ArrayList<>();
    args.addAll(List.of("req", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key"));
    args.addAll(List.of("-out", out, "-subj", subject));
    args.addAll(List.of(more));
    openssl(dir, args.toArray(String[]::new));
  }

  private void openssl(String... args) throws IOException, InterruptedException {
    openssl(dir, args);
  }

  private static void openssl(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add("openssl");
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("openssl.log").toFile())
            .start();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException(
          "openssl "
              + String.join(" ", args)
              + " failed: "
              + Files.readString(dir.resolve("openssl.log")));
    }
  }
}
