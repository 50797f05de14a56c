package io.clockhealth.exporter.web;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Answers 405 to every method but GET and HEAD, before any servlet sees the request. */
final class GetHeadOnlyHandler extends Handler.Wrapper {

  GetHeadOnlyHandler(Handler handler) {
    super(handler);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String method = request.getMethod();
    if ("GET".equals(method) || "HEAD".equals(method)) {
      return super.handle(request, response, callback);
    }
    response.setStatus(HttpStatus.METHOD_NOT_ALLOWED_405);
    response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
    Content.Sink.write(response, true, "Method Not Allowed\n", callback);
    return true;
  }
}
