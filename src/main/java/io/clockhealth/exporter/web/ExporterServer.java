package io.clockhealth.exporter.web;

import io.clockhealth.exporter.collect.Scrapes;
import io.clockhealth.exporter.config.ConfigException;
import io.clockhealth.exporter.config.ListenAddress;
import io.clockhealth.exporter.config.WebSettings;
import io.clockhealth.exporter.diagnose.Role;
import io.clockhealth.exporter.probe.ProbeService;
import io.clockhealth.exporter.webconfig.TlsContexts;
import io.clockhealth.exporter.webconfig.WebConfig;
import io.clockhealth.exporter.webconfig.WebConfigSource;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side: {@code /metrics} (text, OpenMetrics or protobuf, negotiated by client_java from
 * the Accept header), the landing page, health and readiness; 404 elsewhere, 405 for methods other
 * than GET and HEAD. Optional TLS, mutual TLS and basic auth from the exporter-toolkit web config,
 * and limits that keep slow or numerous clients from exhausting it.
 */
// "try": close() throws what Jetty's Server.stop() throws (Exception, so InterruptedException too);
// it runs once, at shutdown, where an interrupt ends the process anyway.
@SuppressWarnings("try")
public final class ExporterServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ExporterServer.class);

  /** Request and response header limit: scrapes send a few hundred bytes. */
  static final int HEADER_BYTES = 8 * 1024;

  /** An idle or stalled connection is closed after this long. */
  static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

  /** Go's ReadHeaderTimeout: the request line and headers must arrive within this. */
  static final Duration HEADER_DEADLINE = Duration.ofSeconds(10);

  /** Opening a connection beyond this closes the one that has waited longest for its headers. */
  static final int MAX_CONNECTIONS = 512;

  /** Beyond this, connections wait to be accepted: the file-descriptor backstop. */
  static final int HARD_MAX_CONNECTIONS = 2 * MAX_CONNECTIONS;

  private static final int ACCEPTORS = 1;
  private static final int SELECTORS = 1;

  /** Where the time-server probe answers. */
  public static final String PROBE_PATH = "/probe";

  /** Threads beyond the request handlers: none; a connection waits for a free handler instead. */
  private static final int SPARE_THREADS = 0;

  private static final int MIN_THREADS = 2;

  /** A request waiting this long for one of the concurrent slots gets 503. */
  static final Duration MAX_QUEUED = Duration.ofSeconds(10);

  private final Server server;
  private final ServerConnector connector;
  private final AtomicBoolean ready = new AtomicBoolean();
  private final String telemetryPath;
  private final boolean tls;
  private final WebConfigSource webConfig;

  /** Plain HTTP, no {@code /probe}, the client role. */
  public ExporterServer(WebSettings web, Scrapes collector) {
    this(web, collector, WebConfigSource.none(), null, Role.CLIENT);
  }

  /**
   * @param web the address and path; beyond its {@code maxRequests} requests wait (up to {@link
   *     #MAX_QUEUED}) for a slot
   * @param probes what {@code /probe} asks, behind the same authentication and limits as the
   *     metrics; {@code null}: no {@code /probe}
   * @param role what the status page's findings expect of this host
   */
  public ExporterServer(
      WebSettings web,
      Scrapes collector,
      WebConfigSource webConfig,
      @Nullable ProbeService probes,
      Role role) {
    this.telemetryPath = web.telemetryPath();
    this.webConfig = webConfig;
    int maxRequests = web.maxRequests();
    // Scrapes share one collection (single-flight), so a few request threads serve any load; the
    // rest wait in the QoSHandler without a thread. Besides them: one acceptor, one selector.
    QueuedThreadPool threads =
        new QueuedThreadPool(maxRequests + ACCEPTORS + SELECTORS + SPARE_THREADS, MIN_THREADS);
    threads.setName("http");
    threads.setReservedThreads(0);
    this.server = new Server(threads);

    HttpConfiguration http = new HttpConfiguration();
    http.setRequestHeaderSize(HEADER_BYTES);
    http.setResponseHeaderSize(HEADER_BYTES);
    http.setSendServerVersion(false);
    http.setIdleTimeout(IDLE_TIMEOUT.toMillis());
    // Jetty keeps a cache of recently seen header fields per connection (~100 KB each): with
    // hundreds of keep-alive connections that alone filled a 16 MiB heap. Scrapes send a handful
    // of short headers; parsing them afresh costs nothing measurable.
    http.setHeaderCacheSize(0);
    WebConfig initial = webConfig.current();
    this.tls = initial.tls() != null;
    if (tls) {
      SslContextFactory.Server ssl = sslContext(initial);
      webConfig.onReload(next -> reloadTls(ssl, next));
      SecureRequestCustomizer secure = new SecureRequestCustomizer();
      // Scrapes go to IP addresses that certificates rarely name: do not answer 400 for that.
      secure.setSniHostCheck(false);
      http.addCustomizer(secure);
      HttpConnectionFactory httpFactory = new HttpConnectionFactory(http);
      this.connector =
          new ServerConnector(
              server,
              ACCEPTORS,
              SELECTORS,
              new SslConnectionFactory(ssl, httpFactory.getProtocol()),
              httpFactory);
    } else {
      this.connector =
          new ServerConnector(server, ACCEPTORS, SELECTORS, new HttpConnectionFactory(http));
    }
    connector.setHost(web.listenAddress().host());
    connector.setPort(web.listenAddress().port());
    connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
    server.addConnector(connector);
    connector.addBean(
        new RequestHeaderDeadline(HEADER_DEADLINE, MAX_CONNECTIONS, connector.getScheduler()));
    server.addBean(new NetworkConnectionLimit(HARD_MAX_CONNECTIONS, connector));

    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    context.addServlet(new ServletHolder(new MetricsServlet(collector)), telemetryPath);
    if (probes != null) {
      context.addServlet(new ServletHolder(new ProbeServlet(probes)), PROBE_PATH);
    }
    context.addServlet(
        new ServletHolder(new PlainTextServlet(() -> true, "Healthy")), "/-/healthy");
    context.addServlet(new ServletHolder(new PlainTextServlet(ready::get, "Ready")), "/-/ready");
    // "/" is the servlet default mapping: it sees every unmatched path and answers 404 for all
    // but the root itself.
    context.addServlet(
        new ServletHolder(new LandingPageServlet(collector, telemetryPath, role)), "/");

    QoSHandler limit = new QoSHandler();
    limit.setMaxRequestCount(maxRequests);
    limit.setMaxSuspend(MAX_QUEUED);
    // Headers go on every answer, 401 and 405 included. Auth runs before the concurrency limit:
    // its bcrypt is bounded on its own, and refused guesses must not queue ahead of scrapes.
    Handler chain =
        new ResponseHeadersHandler(
            webConfig,
            new GetHeadOnlyHandler(
                new BasicAuthHandler(
                    webConfig, PasswordChecker.forThisMachine(), wrap(limit, context))));
    server.setHandler(chain);
    server.setStopAtShutdown(true);
    server.setStopTimeout(2_000);
  }

  private static Handler wrap(Handler.Wrapper wrapper, Handler inner) {
    wrapper.setHandler(inner);
    return wrapper;
  }

  private static SslContextFactory.Server sslContext(WebConfig config) {
    try {
      return TlsContexts.create(Objects.requireNonNull(config.tls(), "TLS is configured"));
    } catch (ConfigException e) {
      // WebConfigLoader checked the files; this only fails if they changed since.
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private static void reloadTls(SslContextFactory.Server ssl, WebConfig next) {
    try {
      ssl.reload(
          factory -> {
            try {
              TlsContexts.configure(
                  (SslContextFactory.Server) factory,
                  Objects.requireNonNull(next.tls(), "TLS stays configured"));
            } catch (ConfigException e) {
              throw new IllegalStateException(e.getMessage(), e);
            }
          });
    } catch (Exception e) {
      LOG.error("TLS configuration not reloaded: {}", e.getMessage());
    }
  }

  public void start() throws Exception {
    server.start();
    webConfig.watch();
    ready.set(true);
    String scheme = tls ? "https" : "http";
    LOG.info(
        "listening on {} (metrics at {}://{}:{}{})",
        new ListenAddress(connector.getHost(), connector.getLocalPort()),
        scheme,
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
    webConfig.close();
    server.stop();
  }

  private static String bracketed(String host) {
    return host.contains(":") ? "[" + host + "]" : host;
  }
}
