package io.clockhealth.exporter.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real Prometheus server (Debian's binary from {@link TestDaemons#prometheus}, never installed or
 * run as a service) on a free 127.0.0.1 port, with its TSDB in {@code
 * target/it-daemons/<testClass>/prometheus-<name>/data}.
 *
 * <p>Or, with {@link #startAt}, on a fixed loopback address of the test's {@link LoopbackRanges}
 * entry with exactly the flags given (e.g. agent mode, which refuses the server's TSDB flags).
 *
 * <p>Started like every test daemon: {@code setpriv --bounding-set=-sys_time -- prometheus …}
 * through {@link DaemonProcess}, which checks the CapBnd of the running process and only ever
 * signals this PID. {@link #start} returns once {@code /-/ready} answers 200 from this process.
 */
public final class PrometheusServer extends DaemonFixture {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

  private final String host;
  private final int port;
  private final HttpClient http = TestFiles.httpClient();

  private PrometheusServer(String name, DaemonProcess process, String host, int port, Path dir) {
    super(name, dir, process);
    this.host = host;
    this.port = port;
  }

  /**
   * Writes {@code configYaml} to {@code <dir>/prometheus.yml} (relative paths in it are relative to
   * that directory, as for any Prometheus) and starts the server with an empty TSDB.
   *
   * @param extraArgs more prometheus flags, e.g. {@code --query.lookback-delta=…}
   */
  public static PrometheusServer start(
      Class<?> testClass, String name, String configYaml, String... extraArgs) {
    Path dir = freshDir(testClass, name);
    Path config = dir.resolve("prometheus.yml");
    try {
      Files.writeString(config, configYaml, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (int attempt = 1; ; attempt++) {
      int port = ListeningSockets.freeLoopbackPort();
      List<String> args = new ArrayList<>();
      args.addAll(
          List.of(
              "--config.file=" + config,
              "--storage.tsdb.path=" + dir.resolve("data"),
              "--web.console.templates=" + dir.resolve("consoles"),
              "--web.console.libraries=" + dir.resolve("console_libraries"),
              "--log.level=info"));
      args.addAll(List.of(extraArgs));
      PrometheusServer s = launch(name, dir, "127.0.0.1", port, args);
      if (s.awaitReady()) {
        return s;
      }
      s.close();
      if (attempt == 3) {
        throw new AssertionError("prometheus " + name + ": 3 ports taken\n" + s.logTail(40));
      }
    }
  }

  /**
   * A Prometheus listening on {@code hostPort} (an address and port of the test's {@link
   * LoopbackRanges} entry), run in {@code target/it-daemons/<testClass>/prometheus-<name>} with
   * exactly {@code args} after {@code --web.listen-address}: no config file is written and none of
   * {@link #start}'s flags is added. IllegalStateException when the port is taken.
   */
  public static PrometheusServer startAt(
      Class<?> testClass, String name, String hostPort, List<String> args) {
    int colon = hostPort.lastIndexOf(':');
    String host = hostPort.substring(0, colon);
    int port = Integer.parseInt(hostPort.substring(colon + 1));
    checkFree(host, port);
    PrometheusServer s = launch(name, freshDir(testClass, name), host, port, args);
    try {
      if (!s.awaitReady()) {
        throw new IllegalStateException("TCP " + hostPort + " was taken by another process");
      }
    } catch (RuntimeException | Error e) {
      s.close();
      throw e;
    }
    return s;
  }

  private static PrometheusServer launch(
      String name, Path dir, String host, int port, List<String> args) {
    List<String> cmd = new ArrayList<>(DaemonProcess.NO_CAP_SYS_TIME);
    cmd.addAll(
        List.of(
            TestDaemons.get().prometheus().toString(),
            "--web.listen-address=" + host + ":" + port));
    cmd.addAll(args);
    DaemonProcess p =
        DaemonProcess.start(
            "prometheus " + name,
            cmd,
            dir,
            dir.resolve("prometheus.log"),
            Map.of(),
            "prometheus",
            null);
    return new PrometheusServer(name, p, host, port, dir);
  }

  private static Path freshDir(Class<?> testClass, String name) {
    if (!name.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("bad name: " + name);
    }
    Path dir =
        TestDaemons.targetDir()
            .resolve("it-daemons")
            .resolve(testClass.getSimpleName())
            .resolve("prometheus-" + name);
    try {
      TestFiles.deleteRecursively(dir);
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  /** False when another process took the port (ours then exits); AssertionError otherwise. */
  private boolean awaitReady() {
    return ReadyProbe.await(
        "prometheus " + name(),
        process.pid(),
        process::isAlive,
        port,
        READY_TIMEOUT,
        () -> send("/-/ready", Duration.ofSeconds(2)),
        () -> logTail(40));
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
    return TestFiles.send(http, req);
  }

  public URI baseUri() {
    return URI.create("http://" + host + ":" + port + "/");
  }

  public int port() {
    return port;
  }

  public String logTail(int lines) {
    return "--- prometheus log " + process.log() + " ---\n" + process.logTail(lines);
  }

  private static void checkFree(String host, int port) {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(host, port));
    } catch (IOException e) {
      throw new IllegalStateException("TCP " + host + ":" + port + " is already in use", e);
    }
  }
}
