package io.clockhealth.exporter.testing;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits until a process a test started answers HTTP 200 on its port, and the port is held by that
 * process (not by another that got there first).
 */
final class ReadyProbe {

  /** One readiness request: throws when nothing answers yet. */
  interface Request {
    HttpResponse<String> send() throws IOException;
  }

  private ReadyProbe() {}

  /**
   * Polls {@code request} until it answers 200 from our process.
   *
   * @param what names the process in failure messages
   * @param log its log, for failure messages
   * @return false when another process holds the port (ours then exits); AssertionError when ours
   *     exits or is not ready within {@code timeout}
   */
  static boolean await(
      String what,
      long pid,
      BooleanSupplier alive,
      int port,
      Duration timeout,
      Request request,
      Supplier<String> log) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!alive.getAsBoolean()) {
        if (!ListeningSockets.inodes(port).isEmpty()) {
          return false; // someone else listens there: our bind failed
        }
        throw new AssertionError(what + " exited before ready\n" + log.get());
      }
      try {
        HttpResponse<String> r = request.send();
        if (r.statusCode() == 200 && ListeningSockets.ownedBy(pid, port)) {
          return true;
        }
        last = "HTTP " + r.statusCode() + ": " + r.body();
      } catch (IOException e) {
        last = e.toString();
      }
      Wait.sleepMillis(50);
    }
    throw new AssertionError(
        what
            + " not ready on port "
            + port
            + " within "
            + timeout.toSeconds()
            + " s (last: "
            + last
            + ")\n"
            + log.get());
  }
}
