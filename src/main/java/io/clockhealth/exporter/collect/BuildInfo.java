package io.clockhealth.exporter.collect;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Version and source revision, filled in by the Maven build into {@code build-info.properties}. */
public record BuildInfo(String version, String revision) {

  private static final String RESOURCE = "/io/clockhealth/exporter/build-info.properties";

  public static BuildInfo load() {
    Properties properties = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // Build info is informational; a broken resource must not stop the exporter.
    }
    return new BuildInfo(
        clean(properties.getProperty("version")), clean(properties.getProperty("revision")));
  }

  private static String clean(String value) {
    return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value.strip();
  }
}
