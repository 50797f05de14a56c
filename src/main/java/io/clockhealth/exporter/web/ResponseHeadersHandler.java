package io.clockhealth.exporter.web;

import io.clockhealth.exporter.webconfig.WebConfigSource;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Adds {@code X-Content-Type-Options: nosniff}, {@code Cache-Control: no-store} and the web
 * configuration's {@code http_server_config.headers} (the security headers exporter-toolkit allows)
 * to every response.
 */
final class ResponseHeadersHandler extends Handler.Wrapper {

  private final WebConfigSource config;

  ResponseHeadersHandler(WebConfigSource config, Handler handler) {
    super(handler);
    this.config = config;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    // Default: browsers must not guess a type for the text/plain bodies.
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    // Every answer is of this moment (a scrape, a probe, the status page): no cache may keep it.
    response.getHeaders().put("Cache-Control", "no-store");
    config.current().headers().forEach((name, value) -> response.getHeaders().put(name, value));
    return super.handle(request, response, callback);
  }
}
