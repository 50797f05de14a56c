package io.clockhealth.exporter.deploy;

import io.clockhealth.exporter.testing.Chronyd;
import java.io.File;
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
import java.util.concurrent.TimeUnit;

/**
 * One real Prometheus (Debian's, unpacked by scripts/fetch-test-daemons.sh) on a loopback address:
 * started as {@code setpriv --bounding-set=-sys_time -- prometheus …}, its CapBnd checked, and only
 * this PID ever signalled.
 */
final class PrometheusProcess implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

  private final String name;
  private final Process process;
  private final String address;
  private final Path log;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private PrometheusProcess(String name, Process process, String address, Path log) {
    this.name = name;
    this.process = process;
    this.address = address;
    this.log = log;
  }

  /**
   * @param address host:port on loopback for --web.listen-address
   * @param args further prometheus flags
   */
  static PrometheusProcess start(String name, Path dir, String address, List<String> args) {
    checkFree(address);
    List<String> cmd = new ArrayList<>();
    cmd.addAll(List.of("setpriv", "--bounding-set=-sys_time", "--"));
    cmd.add(DeployTools.prometheusBin("prometheus").toString());
    cmd.add("--web.listen-address=" + address);
    cmd.addAll(args);
    Path log = dir.resolve(name + ".log");
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Process p;
    try {
      Files.createDirectories(dir);
      Files.writeString(log, "# " + String.join(" ", cmd) + "\n");
      pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      p = pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start prometheus " + name, e);
    }
    PrometheusProcess pp = new PrometheusProcess(name, p, address, log);
    try {
      pp.awaitExecAndCheckCapabilities();
      pp.awaitReady();
    } catch (RuntimeException | Error e) {
      pp.close();
      throw e;
    }
    return pp;
  }

  private static void checkFree(String address) {
    int colon = address.lastIndexOf(':');
    try (ServerSocket s = new ServerSocket()) {
      s.bind(
          new InetSocketAddress(
              address.substring(0, colon), Integer.parseInt(address.substring(colon + 1))));
    } catch (IOException e) {
      throw new IllegalStateException("TCP " + address + " is already in use", e);
    }
  }

  private void awaitExecAndCheckCapabilities() {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!"prometheus".equals(Chronyd.comm(process.pid()))) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("prometheus " + name + " did not start\n" + logTail());
      }
      sleep(5);
    }
    long capBnd = Chronyd.capBnd(process.pid());
    if (Chronyd.hasCapSysTime(capBnd)) {
      process.destroyForcibly();
      throw new AssertionError(
          "FATAL: prometheus " + name + " has CAP_SYS_TIME (CapBnd " + Long.toHexString(capBnd));
    }
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "prometheus " + name + " exited (" + process.exitValue() + ")\n" + logTail());
      }
      try {
        HttpResponse<String> r = get("/-/ready");
        if (r.statusCode() == 200) {
          return;
        }
        last = r.statusCode() + " " + r.body();
      } catch (IOException e) {
        last = e.toString();
      }
      sleep(100);
    }
    throw new AssertionError("prometheus " + name + " not ready: " + last + "\n" + logTail());
  }

  HttpResponse<String> get(String pathAndQuery) throws IOException {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create("http://" + address + pathAndQuery))
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
    try {
      return http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** GET /api/v1/query?query=…; the JSON body. */
  String query(String promql) throws IOException {
    HttpResponse<String> r =
        get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    if (r.statusCode() != 200) {
      throw new IOException("query " + promql + " -> HTTP " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }

  String address() {
    return address;
  }

  long pid() {
    return process.pid();
  }

  String logTail() {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return "--- "
          + log
          + " ---\n"
          + String.join("\n", all.subList(Math.max(0, all.size() - 40), all.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    String comm = Chronyd.comm(process.pid());
    if (comm != null && !comm.equals("prometheus") && !comm.equals("setpriv")) {
      return; // never signal a stranger
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
