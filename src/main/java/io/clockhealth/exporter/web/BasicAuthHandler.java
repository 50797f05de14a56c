package io.clockhealth.exporter.web;

import io.clockhealth.exporter.webconfig.WebConfigSource;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * HTTP basic auth against the bcrypt hashes of the web configuration, on every path (as
 * exporter-toolkit does). The bcrypt cost is bounded by {@link PasswordChecker}.
 */
final class BasicAuthHandler extends Handler.Wrapper {

  private static final String CHALLENGE =
      "Basic realm=\"clock-health-exporter\", charset=\"UTF-8\"";

  private final WebConfigSource config;
  private final PasswordChecker passwords;

  BasicAuthHandler(WebConfigSource config, PasswordChecker passwords, Handler handler) {
    super(handler);
    this.config = config;
    this.passwords = passwords;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    Map<String, String> users = config.current().users();
    if (users.isEmpty() || authorised(users, request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
      return super.handle(request, response, callback);
    }
    response.setStatus(HttpStatus.UNAUTHORIZED_401);
    response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, CHALLENGE);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
    Content.Sink.write(response, true, "Unauthorized\n", callback);
    return true;
  }

  private boolean authorised(Map<String, String> users, String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return false;
    }
    String user = decoded.substring(0, colon);
    return passwords.matches(user, users.get(user), decoded.substring(colon + 1));
  }
}
