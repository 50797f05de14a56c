package io.clockhealth.exporter.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real Prometheus server (Debian's binary from {@link TestDaemons#prometheus}, never installed or
 * run as a service) on a free 127.0.0.1 port, with its TSDB in {@code
 * target/it-daemons/<testClass>/prometheus-<name>/data}.
 *
 * <p>Started like every test daemon: {@code setpriv --bounding-set=-sys_time -- prometheus …}
 * through {@link DaemonProcess}, which checks the CapBnd of the running process and only ever
 * signals this PID. {@link #start} returns once {@code /-/ready} answers 200 from this process.
 */
public final class PrometheusServer implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

  private final String name;
  private final DaemonProcess process;
  private final int port;
  private final Path dir;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  private PrometheusServer(String name, DaemonProcess process, int port, Path dir) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.dir = dir;
  }

  /**
   * Writes {@code configYaml} to {@code <dir>/prometheus.yml} (relative paths in it are relative to
   * that directory, as for any Prometheus) and starts the server with an empty TSDB.
   *
   * @param extraArgs more prometheus flags, e.g. {@code --query.lookback-delta=…}
   */
  public static PrometheusServer start(
      Class<?> testClass, String name, String configYaml, String... extraArgs) {
    if (!name.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("bad name: " + name);
    }
    Path dir =
        TestDaemons.targetDir()
            .resolve("it-daemons")
            .resolve(testClass.getSimpleName())
            .resolve("prometheus-" + name);
    Path config = dir.resolve("prometheus.yml");
    try {
      deleteRecursively(dir);
      Files.createDirectories(dir);
      Files.writeString(config, configYaml, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path binary = TestDaemons.get().prometheus();
    for (int attempt = 1; ; attempt++) {
      int port = freePort();
      List<String> cmd =
          new java.util.ArrayList<>(
              List.of(
                  "setpriv",
                  "--bounding-set=-sys_time",
                  "--",
                  binary.toString(),
                  "--config.file=" + config,
                  "--storage.tsdb.path=" + dir.resolve("data"),
                  "--web.listen-address=127.0.0.1:" + port,
                  "--web.console.templates=" + dir.resolve("consoles"),
                  "--web.console.libraries=" + dir.resolve("console_libraries"),
                  "--log.level=info"));
      cmd.addAll(List.of(extraArgs));
      DaemonProcess p =
          DaemonProcess.start(
              "prometheus " + name,
              cmd,
              dir,
              dir.resolve("prometheus.log"),
              Map.of(),
              "prometheus",
              null);
      PrometheusServer s = new PrometheusServer(name, p, port, dir);
      if (s.awaitReady()) {
        return s;
      }
      p.stop();
      if (attempt == 3) {
        throw new AssertionError("prometheus " + name + ": 3 ports taken\n" + s.logTail(40));
      }
    }
  }

  /** False when another process took the port (ours then exits); AssertionError otherwise. */
  private boolean awaitReady() {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        if (!ListeningSockets.inodes(port).isEmpty()) {
          return false;
        }
        throw new AssertionError("prometheus " + name + " exited before ready\n" + logTail(40));
      }
      try {
        HttpResponse<String> r = send("/-/ready", Duration.ofSeconds(2));
        if (r.statusCode() == 200 && ListeningSockets.ownedBy(process.pid(), port)) {
          return true;
        }
        last = "HTTP " + r.statusCode() + ": " + r.body();
      } catch (IOException e) {
        last = e.toString();
      }
      DaemonProcess.sleepMillis(50);
    }
    throw new AssertionError(
        "prometheus " + name + " not ready on " + baseUri() + " (" + last + ")\n" + logTail(40));
  }

  /** GET {@code pathAndQuery}; the body of a 200 answer, AssertionError otherwise. */
  public String get(String pathAndQuery) {
    try {
      HttpResponse<String> r = send(pathAndQuery, Duration.ofSeconds(15));
      if (r.statusCode() != 200) {
        throw new AssertionError(
            "GET " + pathAndQuery + " -> HTTP " + r.statusCode() + ": " + r.body());
      }
      return r.body();
    } catch (IOException e) {
      throw new AssertionError("GET " + pathAndQuery + " failed: " + e + "\n" + logTail(30), e);
    }
  }

  /**
   * GET {@code path} with the parameters URL-encoded, e.g. {@code api("/api/v1/query", "query",
   * q)}.
   */
  public String api(String path, String... params) {
    StringBuilder sb = new StringBuilder(path);
    for (int i = 0; i + 1 < params.length; i += 2) {
      sb.append(i == 0 ? '?' : '&')
          .append(URLEncoder.encode(params[i], StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
    }
    return get(sb.toString());
  }

  private HttpResponse<String> send(String pathAndQuery, Duration timeout) throws IOException {
    HttpRequest req =
        HttpRequest.newBuilder(baseUri().resolve(pathAndQuery)).timeout(timeout).GET().build();
    try {
      return http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + port + "/");
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public Path dir() {
    return dir;
  }

  public String logTail(int lines) {
    return "--- prometheus log " + process.log() + " ---\n" + process.logTail(lines);
  }

  /** SIGTERM (only to this PID while it is prometheus), then SIGKILL after 5 s. Idempotent. */
  @Override
  public void close() {
    process.stop();
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
