package io.clockhealth.exporter.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The real exporter ({@code java -jar ${exporter.jar} …}) on a free loopback port.
 *
 * <p>{@link #start} returns once {@code GET /-/ready} answers 200; {@link #close} sends SIGTERM and
 * fails (AssertionError) if the exporter has not exited within 10 s. stdout and stderr go to {@code
 * target/it-daemons/<testClass>/exporter-<name>.log}, whose end is part of every failure message.
 */
public final class ExporterProcess implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

  // A test JVM that dies early must not leave exporters behind.
  private static final StartedProcesses<ExporterProcess> RUNNING =
      new StartedProcesses<>("exporter-cleanup", ExporterProcess::kill);

  private final String name;
  private final Process process;
  private final int port;
  private final Path log;
  private final HttpClient http;
  private boolean closed;

  private ExporterProcess(String name, Process process, int port, Path log) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.log = log;
    this.http = TestFiles.httpClient();
  }

  public static Builder builder(Class<?> testClass, String name) {
    return new Builder(testClass.getSimpleName(), name);
  }

  public static final class Builder {
    private final String owner;
    private final String name;
    private final List<String> prefix = new ArrayList<>();
    private final List<String> args = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();

    private Builder(String owner, String name) {
      this.owner = owner;
      this.name = name;
    }

    /** Exporter arguments ({@code --web.listen-address} is added). */
    public Builder args(String... a) {
      args.addAll(Arrays.asList(a));
      return this;
    }

    /** Runs the exporter with the JVM flags the systemd unit and the image ship with. */
    public Builder shippedJvmFlags() {
      return env("JAVA_TOOL_OPTIONS", ExporterProcess.shippedJvmFlags());
    }

    public Builder env(String key, String value) {
      env.put(key, value);
      return this;
    }

    /** Run the JVM through {@code command} (e.g. {@code unshare … --}), which then execs it. */
    public Builder through(String... command) {
      prefix.addAll(Arrays.asList(command));
      return this;
    }

    /**
     * Run as uid/gid 65534 with no capabilities at all, not even in the bounding set ({@code
     * setpriv --reuid=65534 --regid=65534 --clear-groups --bounding-set=-all --inh-caps=-all}): as
     * the hardened unit and the container run it.
     */
    public Builder unprivileged() {
      prefix.addAll(
          List.of(
              "setpriv",
              "--reuid=65534",
              "--regid=65534",
              "--clear-groups",
              "--bounding-set=-all",
              "--inh-caps=-all",
              "--"));
      return this;
    }

    public ExporterProcess start() {
      return ExporterProcess.start(this);
    }
  }

  /**
   * An exporter for one test chronyd: {@code --collector.chrony --collector.chrony.path=<cached
   * chronyc> "--collector.chrony.args=-h <socket>" --collector.timeout=2s --log.level=debug}.
   */
  public static Builder forChronyd(Class<?> testClass, Chronyd chronyd) {
    return builder(testClass, chronyd.name())
        .args(
            "--collector.chrony",
            "--collector.chrony.path=" + TestDaemons.get().chronyc(),
            "--collector.chrony.args=-h " + chronyd.socketPath(),
            "--collector.timeout=2s",
            "--log.level=debug");
  }

  /**
   * An exporter that only probes: {@code --config.file=<configYaml, written to
   * target/it-daemons/<testClass>/<name>.yml>}, the chrony, ntpd and timesyncd collectors off.
   */
  public static Builder forProbes(Class<?> testClass, String name, String configYaml) {
    Path config =
        TestDaemons.targetDir()
            .resolve("it-daemons")
            .resolve(testClass.getSimpleName())
            .resolve(name + ".yml");
    try {
      Files.createDirectories(config.getParent());
      Files.writeString(config, configYaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return builder(testClass, name)
        .args(
            "--config.file=" + config,
            "--no-collector.chrony",
            "--no-collector.ntpd",
            "--no-collector.timesyncd");
  }

  /** JAVA_OPTS of deploy/systemd (the Dockerfile's ENTRYPOINT has the same flags). */
  public static String shippedJvmFlags() {
    Path env = TestDaemons.repoRoot().resolve("deploy/systemd/clock-health-exporter.env");
    return lines(env).stream()
        .filter(l -> l.startsWith("JAVA_OPTS="))
        .map(l -> l.substring("JAVA_OPTS=".length()).trim())
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no JAVA_OPTS in " + env));
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The jar under test: system property {@code exporter.jar} (set by failsafe). */
  public static Path jar() {
    String prop = System.getProperty("exporter.jar");
    Path jar =
        prop != null && !prop.isBlank()
            ? Path.of(prop)
            : TestDaemons.targetDir().resolve("clock-health-exporter.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "exporter jar " + jar + " does not exist: run `mvn package` (or `mvn verify`) first");
    }
    return jar;
  }

  private static ExporterProcess start(Builder b) {
    Path dir = TestDaemons.targetDir().resolve("it-daemons").resolve(b.owner);
    Path log = dir.resolve("exporter-" + b.name + ".log");
    // Other processes on this machine may grab the port between freeLoopbackPort() and the
    // exporter's bind: then start again on another port.
    for (int attempt = 1; ; attempt++) {
      ExporterProcess e = launch(b, log, ListeningSockets.freeLoopbackPort());
      try {
        if (e.awaitReady()) {
          return e;
        }
      } catch (RuntimeException | Error ex) {
        e.kill();
        throw ex;
      }
      e.kill();
      if (attempt == 3) {
        throw new AssertionError("exporter " + b.name + ": 3 ports taken by others\n" + e.log());
      }
    }
  }

  private static ExporterProcess launch(Builder b, Path log, int port) {
    List<String> cmd = new ArrayList<>(b.prefix);
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-jar");
    cmd.add(jar().toString());
    cmd.add("--web.listen-address=127.0.0.1:" + port);
    cmd.addAll(b.args);
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.environment().putAll(b.env);
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(log, "# " + String.join(" ", cmd) + "\n");
      pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      ExporterProcess e = new ExporterProcess(b.name, pb.start(), port, log);
      RUNNING.add(e);
      return e;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the exporter", e);
    }
  }

  /**
   * Waits until {@code GET /-/ready} is 200 from OUR process (its PID holds the listening socket).
   * False when another process holds the port and ours gave up.
   */
  private boolean awaitReady() {
    return ReadyProbe.await(
        "exporter " + name,
        process.pid(),
        process::isAlive,
        port,
        READY_TIMEOUT,
        () -> get("/-/ready", Duration.ofSeconds(2)),
        this::log);
  }

  /** GET {@code path}; IOExceptions are reported with the exporter's log. */
  public HttpResponse<String> get(String path) {
    try {
      return get(path, REQUEST_TIMEOUT);
    } catch (IOException e) {
      throw new AssertionError("GET " + path + " failed: " + e + "\n" + log(), e);
    }
  }

  private HttpResponse<String> get(String path, Duration timeout) throws IOException {
    HttpRequest req =
        HttpRequest.newBuilder(baseUri().resolve(path)).timeout(timeout).GET().build();
    return TestFiles.send(http, req);
  }

  /** {@code GET /metrics}, asserted 200 and parsed; {@link ScrapedMetrics#elapsed} is set. */
  public ScrapedMetrics scrape() {
    long t0 = System.nanoTime();
    HttpResponse<String> r = get("/metrics");
    Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
    if (r.statusCode() != 200) {
      throw new AssertionError(
          "GET /metrics -> HTTP " + r.statusCode() + "\n" + r.body() + "\n" + log());
    }
    try {
      return ScrapedMetrics.parse(r.body(), elapsed);
    } catch (IllegalArgumentException e) {
      throw new AssertionError("unparseable /metrics: " + e.getMessage() + "\n" + r.body(), e);
    }
  }

  /**
   * Scrapes every 200 ms until {@code assertions} pass on one scrape, and returns that scrape. On
   * timeout: an AssertionError with the last failure, the last scrape and the exporter's log.
   */
  public ScrapedMetrics awaitScrape(Duration atMost, Consumer<ScrapedMetrics> assertions) {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (true) {
      // Not retried: an HTTP error or an unparseable body is a failure at once.
      ScrapedMetrics m = scrape();
      try {
        assertions.accept(m);
        return m;
      } catch (AssertionError e) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError(
              "exporter "
                  + name
                  + " did not serve the expected metrics within "
                  + atMost.toMillis()
                  + " ms: "
                  + e.getMessage()
                  + "\n--- last scrape ---\n"
                  + m.text()
                  + "\n"
                  + log(),
              e);
        }
      }
      Wait.sleepMillis(200);
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

  public Path logFile() {
    return log;
  }

  /** The end of the exporter's stdout+stderr, for failure messages. */
  public String log() {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      List<String> tail = all.subList(Math.max(0, all.size() - 60), all.size());
      return "--- exporter log " + log + " ---\n" + String.join("\n", tail);
    } catch (IOException e) {
      return "(no exporter log: " + e + ")";
    }
  }

  /** SIGTERM; AssertionError if the exporter has not exited within 10 s (then SIGKILL). */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    RUNNING.remove(this);
    process.destroy(); // SIGTERM
    boolean exited;
    try {
      exited = process.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exited = false;
    }
    if (!exited) {
      kill();
      throw new AssertionError(
          "exporter " + name + " did not exit within 10 s after SIGTERM\n" + log());
    }
  }

  private void kill() {
    closed = true;
    RUNNING.remove(this);
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
