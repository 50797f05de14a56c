package io.clockhealth.exporter.webconfig;

import io.clockhealth.exporter.config.BoundedFiles;
import io.clockhealth.exporter.config.ConfigException;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web configuration, re-read when the content of its file (or of a TLS file it names) changes,
 * so rotated passwords and certificates apply without a restart. The files are watched by a
 * background thread, never on the request path: a slow or huge file cannot stall a scrape, and a
 * certificate renewed while no handshake succeeds (expired, or a key that did not match) is still
 * picked up. Content, not size and modification time, decides: {@code cp -p} and {@code rsync -a}
 * keep both. A file that became invalid is logged once and the last valid configuration stays.
 */
public final class WebConfigSource implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WebConfigSource.class);

  /** How often the files are compared with what is in force. */
  static final Duration WATCH_INTERVAL = Duration.ofSeconds(1);

  private final @Nullable Path file;

  /** {@code null} without a file: the YAML loader (Jackson) is then never even loaded. */
  private final @Nullable WebConfigLoader loader;

  private final List<Consumer<WebConfig>> listeners = new CopyOnWriteArrayList<>();
  private volatile WebConfig current;
  private List<String> stamp;
  private @Nullable String lastError;
  private @Nullable ScheduledExecutorService watcher;

  private WebConfigSource(
      @Nullable Path file, @Nullable WebConfigLoader loader, WebConfig initial) {
    this.file = file;
    this.loader = loader;
    this.current = initial;
    this.stamp = stamp(file, initial);
  }

  /** Loads {@code file}; an invalid file is a start-up error. */
  public static WebConfigSource load(Path file) throws ConfigException {
    WebConfigLoader loader = new WebConfigLoader();
    return new WebConfigSource(file, loader, loader.load(file));
  }

  /** A fixed configuration (no file): plain HTTP, no auth. */
  public static WebConfigSource none() {
    return new WebConfigSource(null, null, WebConfig.NONE);
  }

  /** Called with the new configuration after a successful reload. */
  public void onReload(Consumer<WebConfig> listener) {
    listeners.add(listener);
  }

  /** The configuration in force; no file is touched. */
  public WebConfig current() {
    return current;
  }

  /** Starts comparing the files with the configuration in force every {@link #WATCH_INTERVAL}. */
  public synchronized void watch() {
    if (file == null || watcher != null) {
      return;
    }
    watcher =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "web-config-watch");
              thread.setDaemon(true);
              return thread;
            });
    long millis = WATCH_INTERVAL.toMillis();
    // The future is not needed: the task runs until the watcher is shut down.
    var unused =
        watcher.scheduleWithFixedDelay(
            this::reloadIfChanged, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Re-reads the files if their content changed since the last (attempted) load. */
  synchronized void reloadIfChanged() {
    if (file != null && !Objects.equals(stamp(file, current), stamp)) {
      reload();
    }
  }

  /** Re-reads the files whether or not they changed (SIGHUP). */
  public synchronized void reload() {
    if (file == null || loader == null) {
      return;
    }
    List<String> now = stamp(file, current);
    try {
      WebConfig next = loader.load(file);
      if ((next.tls() == null) != (current.tls() == null)) {
        throw new ConfigException(
            "switching TLS on or off needs a restart; keeping the running configuration");
      }
      current = next;
      stamp = stamp(file, next);
      lastError = null;
      LOG.info("web config {} reloaded", file);
      listeners.forEach(listener -> listener.accept(next));
    } catch (ConfigException e) {
      stamp = now;
      String reason = String.valueOf(e.getMessage());
      if (!reason.equals(lastError)) {
        LOG.error("web config {} not reloaded: {}", file, reason);
        lastError = reason;
      }
    }
  }

  @Override
  public synchronized void close() {
    if (watcher != null) {
      watcher.shutdownNow();
      watcher = null;
    }
  }

  /** Digests of the config file and the TLS files it names. */
  private static List<String> stamp(@Nullable Path file, WebConfig config) {
    List<String> parts = new ArrayList<>();
    if (file == null) {
      return parts;
    }
    parts.add(digest(file));
    if (config.tls() != null) {
      parts.add(digest(config.tls().certFile()));
      parts.add(digest(config.tls().keyFile()));
      parts.add(digest(config.tls().clientCaFile()));
    }
    return parts;
  }

  private static String digest(@Nullable Path path) {
    if (path == null) {
      return "";
    }
    try {
      byte[] bytes = BoundedFiles.read(path, BoundedFiles.CONFIG_MAX_BYTES);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (IOException e) {
      return "unreadable: " + e.getMessage();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
