package io.clockhealth.exporter.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * A Content-Security-Policy for a page whose only style and script are inline blocks it writes
 * itself: they are allowed by their SHA-256 hash, nothing else loads or runs, nothing frames it.
 */
final class ContentSecurityPolicy {

  private ContentSecurityPolicy() {}

  /**
   * @param style the exact text of the page's {@code <style>} block
   * @param script the exact text of its {@code <script>} block, {@code null} when it has none
   */
  static String forInline(String style, @Nullable String script) {
    return "default-src 'none'; style-src "
        + hash(style)
        + "; script-src "
        + (script == null ? "'none'" : hash(script))
        + "; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  }

  static String hash(String block) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(block.getBytes(StandardCharsets.UTF_8));
      return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
