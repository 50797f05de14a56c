package io.clockhealth.exporter.web;

import io.clockhealth.exporter.collect.ClockCollector;
import io.clockhealth.exporter.config.ConfigFile;
import io.clockhealth.exporter.config.ListenAddress;
import io.clockhealth.exporter.config.ProbeSettings;
import io.clockhealth.exporter.config.WebSettings;
import io.clockhealth.exporter.diagnose.Role;
import io.clockhealth.exporter.probe.ProbeService;
import io.clockhealth.exporter.webconfig.WebConfigSource;
import org.jspecify.annotations.Nullable;

/**
 * An ExporterServer serving one collector (and, unless told otherwise, /probe) on a free 127.0.0.1
 * port, for the web tests.
 */
final class TestServers {

  private TestServers() {}

  /** Started; /probe with the built-in module and any target, served like the metrics. */
  static ExporterServer started(ClockCollector collector, WebConfigSource web, int maxRequests)
      throws Exception {
    return started(
        collector, web, maxRequests, new ProbeService(ProbeSettings.resolve(ConfigFile.EMPTY)));
  }

  /** Started; {@code probes} null for no /probe. */
  static ExporterServer started(
      ClockCollector collector, WebConfigSource web, int maxRequests, @Nullable ProbeService probes)
      throws Exception {
    ExporterServer server =
        new ExporterServer(
            new WebSettings(new ListenAddress("127.0.0.1", 0), "/metrics", null, maxRequests),
            collector,
            web,
            probes,
            Role.CLIENT);
    server.start();
    return server;
  }
}
