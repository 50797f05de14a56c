package io.clockhealth.exporter.testing;

/**
 * Closes everything it is given, in order, even when some of them fail: for {@code @AfterAll}
 * methods that must stop every daemon and delete every namespace whatever happened before. The
 * first failure is rethrown at the end (later ones are attached as suppressed); nulls are skipped.
 */
public final class Cleanup {

  private Cleanup() {}

  public static void all(AutoCloseable... resources) {
    Throwable first = null;
    for (AutoCloseable r : resources) {
      if (r == null) {
        continue;
      }
      try {
        r.close();
      } catch (Exception | Error e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first instanceof RuntimeException re) {
      throw re;
    }
    if (first instanceof Error err) {
      throw err;
    }
    if (first != null) {
      throw new IllegalStateException("cleanup failed", first);
    }
  }
}
