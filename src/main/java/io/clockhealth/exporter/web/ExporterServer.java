package io.clockhealth.exporter.web;

import io.clockhealth.exporter.collect.ClockCollector;
import io.clockhealth.exporter.config.ListenAddress;
import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side: {@code /metrics} (text, OpenMetrics or protobuf, negotiated by client_java from
 * the Accept header), the landing page, health and readiness; 404 elsewhere, 405 for methods other
 * than GET and HEAD.
 */
public final class ExporterServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ExporterServer.class);

  private final Server server = new Server();
  private final ServerConnector connector = new ServerConnector(server);
  private final AtomicBoolean ready = new AtomicBoolean();
  private final String telemetryPath;

  public ExporterServer(
      ListenAddress address,
      String telemetryPath,
      PrometheusRegistry registry,
      ClockCollector collector,
      String version) {
    this.telemetryPath = telemetryPath;
    connector.setHost(address.host());
    connector.setPort(address.port());
    server.addConnector(connector);

    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    context.addServlet(new ServletHolder(new PrometheusMetricsServlet(registry)), telemetryPath);
    context.addServlet(
        new ServletHolder(new PlainTextServlet(() -> true, "Healthy", "Unhealthy")), "/-/healthy");
    context.addServlet(
        new ServletHolder(new PlainTextServlet(ready::get, "Ready", "Not ready")), "/-/ready");
    // "/" is the servlet default mapping: it sees every unmatched path and answers 404 for all
    // but the root itself.
    context.addServlet(
        new ServletHolder(new LandingPageServlet(collector, telemetryPath, version)), "/");
    server.setHandler(new GetHeadOnlyHandler(context));
    server.setStopAtShutdown(true);
    server.setStopTimeout(5_000);
  }

  public void start() throws Exception {
    server.start();
    ready.set(true);
    LOG.info(
        "listening on {} (metrics at http://{}:{}{})",
        new ListenAddress(connector.getHost(), connector.getLocalPort()),
        connector.getHost() == null ? "localhost" : bracketed(connector.getHost()),
        connector.getLocalPort(),
        telemetryPath);
  }

  /** The bound port (useful with port 0). */
  public int port() {
    return connector.getLocalPort();
  }

  public void join() throws InterruptedException {
    server.join();
  }

  @Override
  public void close() throws Exception {
    ready.set(false);
    server.stop();
  }

  private static String bracketed(String host) {
    return host.contains(":") ? "[" + host + "]" : host;
  }
}
