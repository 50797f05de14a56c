package io.clockhealth.exporter.web;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;

/**
 * Checks a password against a user's bcrypt hash without letting bcrypt become a CPU weapon. A
 * verified (user, hash, password) is remembered, as exporter-toolkit does, so authorised scrapes
 * cost a lookup; a recently refused one is remembered too, so repeating a wrong password is cheap.
 * A new guess needs one of a few bcrypt permits and is refused at once when none is free: at most
 * {@code permits} cores ever run bcrypt, and no request thread waits for one.
 */
final class PasswordChecker {

  /** bcrypt reads 72 bytes; longer passwords are refused rather than silently truncated. */
  static final int MAX_PASSWORD_BYTES = 72;

  private static final int CACHE_SIZE = 256;

  /** Checked for unknown users too, so response time does not tell which users exist. */
  private static final String DUMMY_HASH =
      BCrypt.withDefaults().hashToString(10, "no such user".toCharArray());

  private final Semaphore permits;
  private final Set<String> verified = lruSet(CACHE_SIZE);
  private final Set<String> refused = lruSet(4 * CACHE_SIZE);

  PasswordChecker(int permits) {
    this.permits = new Semaphore(permits);
  }

  /** One permit per two cores, at least one. */
  static PasswordChecker forThisMachine() {
    return new PasswordChecker(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
  }

  /**
   * @param hash the user's hash, {@code null} for an unknown user
   */
  boolean matches(String user, @Nullable String hash, String password) {
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
      return false;
    }
    String key = user + '\0' + hash + '\0' + sha256(password);
    if (verified.contains(key)) {
      return true;
    }
    if (refused.contains(key) || !permits.tryAcquire()) {
      return false;
    }
    boolean ok;
    try {
      ok =
          BCrypt.verifyer()
                  .verify(password.toCharArray(), (hash == null ? DUMMY_HASH : hash).toCharArray())
                  .verified
              && hash != null;
    } catch (IllegalArgumentException e) {
      ok = false; // a hash the loader let through but the library refuses: never a 500
    } finally {
      permits.release();
    }
    (ok ? verified : refused).add(key);
    return ok;
  }

  private static Set<String> lruSet(int capacity) {
    return Collections.synchronizedSet(
        Collections.newSetFromMap(
            new LinkedHashMap<>(16, 0.75f, true) {
              private static final long serialVersionUID = 1L;

              @Override
              protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
              }
            }));
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
