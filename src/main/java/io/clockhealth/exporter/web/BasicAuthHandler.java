package io.clockhealth.exporter.web;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * HTTP basic auth against the bcrypt hashes of the web configuration, on every path. bcrypt is
 * deliberately slow, so a verified (user, hash, password) is remembered — as exporter-toolkit does
 * — and later scrapes cost a hash lookup; failures are never remembered.
 */
final class BasicAuthHandler extends Handler.Wrapper {

  private static final String CHALLENGE =
      "Basic realm=\"clock-health-exporter\", charset=\"UTF-8\"";
  private static final int CACHE_SIZE = 256;

  /** Checked for unknown users too, so response time does not tell which users exist. */
  private static final char[] DUMMY_HASH =
      BCrypt.withDefaults().hashToChar(10, "no such user".toCharArray());

  private final WebConfigSource config;
  private final Map<String, Boolean> verified =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
              return size() > CACHE_SIZE;
            }
          });

  BasicAuthHandler(WebConfigSource config, Handler handler) {
    super(handler);
    this.config = config;
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
    String password = decoded.substring(colon + 1);
    String hash = users.get(user);
    String key = user + '\0' + hash + '\0' + sha256(password);
    if (hash != null && verified.containsKey(key)) {
      return true;
    }
    boolean ok =
        BCrypt.verifyer()
            .verify(password.toCharArray(), hash == null ? DUMMY_HASH : hash.toCharArray())
            .verified;
    if (ok && hash != null) {
      verified.put(key, Boolean.TRUE);
      return true;
    }
    return false;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
