package io.clockhealth.exporter.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Debian's real node_exporter ({@link TestDaemons#nodeExporter}, never installed or run as a
 * service) on a free 127.0.0.1 port, with only the collectors a test names (the textfile collector
 * reading one directory, or timex and time as an oracle of the host collector).
 *
 * <p>Started like every test daemon: {@code setpriv --bounding-set=-sys_time -- …} through {@link
 * DaemonProcess}. {@link #start} returns once {@code /metrics} answers 200 from this process.
 */
public final class NodeExporter implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);

  /** {@code /proc/PID/comm}: the binary's name cut to 15 characters. */
  private static final String COMM = "prometheus-node";

  private final DaemonProcess process;
  private final int port;
  private final HttpClient http = TestFiles.httpClient();

  private NodeExporter(DaemonProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /** node_exporter with only its textfile collector, reading {@code textfileDirectory}. */
  public static NodeExporter start(Class<?> testClass, Path textfileDirectory) {
    return start(
        testClass,
        "node-exporter",
        List.of("--collector.textfile", "--collector.textfile.directory=" + textfileDirectory));
  }

  /**
   * node_exporter with only the collectors {@code collectorFlags} enable (e.g. {@code
   * --collector.timex}), its files in {@code target/it-daemons/<testClass>/<name>}.
   */
  public static NodeExporter start(Class<?> testClass, String name, List<String> collectorFlags) {
    Path dir =
        TestDaemons.targetDir()
            .resolve("it-daemons")
            .resolve(testClass.getSimpleName())
            .resolve(name);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path binary = TestDaemons.get().nodeExporter();
    for (int attempt = 1; ; attempt++) {
      int port = ListeningSockets.freeLoopbackPort();
      List<String> cmd = new ArrayList<>(DaemonProcess.NO_CAP_SYS_TIME);
      cmd.addAll(
          List.of(
              binary.toString(),
              "--web.listen-address=127.0.0.1:" + port,
              "--web.disable-exporter-metrics",
              "--collector.disable-defaults"));
      cmd.addAll(collectorFlags);
      DaemonProcess p =
          DaemonProcess.start(
              "node_exporter", cmd, dir, dir.resolve("node-exporter.log"), Map.of(), COMM, null);
      NodeExporter n = new NodeExporter(p, port);
      if (n.awaitReady()) {
        return n;
      }
      p.stop();
      if (attempt == 3) {
        throw new AssertionError("node_exporter: 3 ports taken\n" + n.logTail());
      }
    }
  }

  /** False when another process took the port (ours then exits); AssertionError otherwise. */
  private boolean awaitReady() {
    return ReadyProbe.await(
        "node_exporter",
        process.pid(),
        process::isAlive,
        port,
        READY_TIMEOUT,
        this::get,
        this::logTail);
  }

  /** {@code GET /metrics}, asserted 200 and parsed. */
  public ScrapedMetrics scrape() {
    try {
      HttpResponse<String> r = get();
      if (r.statusCode() != 200) {
        throw new AssertionError("node_exporter /metrics -> HTTP " + r.statusCode() + r.body());
      }
      return ScrapedMetrics.parse(r.body());
    } catch (IOException e) {
      throw new AssertionError("node_exporter /metrics failed: " + e + "\n" + logTail(), e);
    }
  }

  private HttpResponse<String> get() throws IOException {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
    return TestFiles.send(http, req);
  }

  public String logTail() {
    return "--- node_exporter log " + process.log() + " ---\n" + process.logTail(30);
  }

  /** SIGTERM (only to this PID while it is node_exporter), then SIGKILL after 5 s. Idempotent. */
  @Override
  public void close() {
    process.stop();
  }
}
