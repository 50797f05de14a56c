package io.clockhealth.exporter.web;

import io.clockhealth.exporter.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web configuration, re-read when its file (or a certificate file it names) changes — checked
 * on every request, as exporter-toolkit does, so rotated passwords and certificates apply without a
 * restart. A file that became invalid is logged and the last valid configuration stays in force.
 */
public final class WebConfigSource {

  private static final Logger LOG = LoggerFactory.getLogger(WebConfigSource.class);

  private final Path file;
  private final WebConfigLoader loader;
  private final List<Consumer<WebConfig>> listeners = new ArrayList<>();
  private volatile WebConfig current;
  private volatile List<Object> stamp;
  private String lastError;

  private WebConfigSource(Path file, WebConfigLoader loader, WebConfig initial) {
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
  public synchronized void onReload(Consumer<WebConfig> listener) {
    listeners.add(listener);
  }

  /** The configuration in force, after re-reading the file if it changed. */
  public WebConfig current() {
    if (file != null) {
      List<Object> now = stamp(file, current);
      if (!Objects.equals(now, stamp)) {
        reload(now);
      }
    }
    return current;
  }

  private synchronized void reload(List<Object> now) {
    if (Objects.equals(now, stamp)) {
      return; // another request reloaded it meanwhile
    }
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
      if (!e.getMessage().equals(lastError)) {
        LOG.error("web config {} not reloaded: {}", file, e.getMessage());
        lastError = e.getMessage();
      }
    }
  }

  /** Modification time and size of the config file and the TLS files it names. */
  private static List<Object> stamp(Path file, WebConfig config) {
    List<Object> parts = new ArrayList<>();
    if (file == null) {
      return parts;
    }
    addStamp(parts, file);
    if (config.tls() != null) {
      addStamp(parts, config.tls().certFile());
      addStamp(parts, config.tls().keyFile());
      addStamp(parts, config.tls().clientCaFile());
    }
    return parts;
  }

  private static void addStamp(List<Object> parts, Path path) {
    if (path == null) {
      return;
    }
    try {
      BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
      parts.add(a.lastModifiedTime().toMillis());
      parts.add(a.size());
    } catch (IOException e) {
      parts.add("missing");
    }
  }
}
