package io.clockhealth.exporter.webconfig;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.clockhealth.exporter.web.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Findings 1, 11 and 18: how the web configuration is re-read. */
class WebConfigSourceTest {

  @TempDir static Path pkiDir;
  private static TestPki pki;

  @TempDir Path dir;

  @BeforeAll
  static void makeCertificates() throws Exception {
    pki = TestPki.create(pkiDir);
  }

  private static String hash(String password) {
    return BCrypt.with(BCrypt.Version.VERSION_2Y).hashToString(4, password.toCharArray());
  }

  @Test
  void aChangeThatKeepsSizeAndModificationTimeIsReloaded() throws Exception {
    Path file = dir.resolve("web.yml");
    String first = hash("one");
    String second = hash("two");
    Files.writeString(file, "basic_auth_users:\n  u: " + first + "\n");
    FileTime mtime = Files.getLastModifiedTime(file);
    WebConfigSource source = WebConfigSource.load(file);
    Files.writeString(file, "basic_auth_users:\n  u: " + second + "\n");
    Files.setLastModifiedTime(file, mtime);
    source.reloadIfChanged();
    assertThat(source.current().users()).containsEntry("u", second);
  }

  @Test
  void requestsNeverReadTheFileAndAFifoDoesNotHang() throws Exception {
    Path file = dir.resolve("web.yml");
    String users = "basic_auth_users:\n  u: " + hash("one") + "\n";
    Files.writeString(file, users);
    WebConfigSource source = WebConfigSource.load(file);
    Files.delete(file);
    Process mkfifo = new ProcessBuilder("mkfifo", file.toString()).start();
    assertThat(mkfifo.waitFor()).isZero();
    long start = System.nanoTime();
    assertThat(source.current().users()).containsKey("u");
    source.reloadIfChanged(); // logged, not hung, last configuration kept
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    assertThat(source.current().users()).containsKey("u");
  }

  @Test
  void aKeyThatDoesNotMatchItsCertificateIsRefusedAtReloadAndTheLastPairKept() throws Exception {
    Path cert = dir.resolve("server.crt");
    Path key = dir.resolve("server.key");
    Files.copy(pki.serverCert, cert);
    Files.copy(pki.serverKey, key);
    Path file = dir.resolve("web.yml");
    Files.writeString(
        file, "tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n");
    WebConfigSource source = WebConfigSource.load(file);
    List<WebConfig> reloads = new ArrayList<>();
    source.onReload(reloads::add);

    Files.copy(pki.clientKey, key, StandardCopyOption.REPLACE_EXISTING); // half a renewal
    source.reloadIfChanged();
    assertThat(reloads).isEmpty();

    Files.copy(pki.clientCert, cert, StandardCopyOption.REPLACE_EXISTING); // the other half
    source.reloadIfChanged();
    assertThat(reloads).hasSize(1);
  }

  @Test
  void anOversizedFileIsRefused() throws Exception {
    Path file = dir.resolve("web.yml");
    String users = "basic_auth_users:\n  u: " + hash("one") + "\n";
    Files.writeString(file, users);
    WebConfigSource source = WebConfigSource.load(file);
    Files.writeString(file, users + "# " + "x".repeat(3 * 1024 * 1024) + "\n");
    List<WebConfig> reloads = new ArrayList<>();
    source.onReload(reloads::add);
    source.reloadIfChanged();
    assertThat(reloads).isEmpty();
  }
}
