package io.clockhealth.exporter.web;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Adds the web configuration's {@code http_server_config.headers} to every response. */
final class ResponseHeadersHandler extends Handler.Wrapper {

  private final WebConfigSource config;

  ResponseHeadersHandler(WebConfigSource config, Handler handler) {
    super(handler);
    this.config = config;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    config.current().headers().forEach((name, value) -> response.getHeaders().put(name, value));
    return super.handle(request, response, callback);
  }
}
