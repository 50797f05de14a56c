package io.clockhealth.exporter.testing;

/** The one sleep of the test fixtures' polling loops. */
public final class Wait {

  private Wait() {}

  /**
   * Thread.sleep; an interrupt is kept on the thread and ends the wait with an
   * IllegalStateException, so a polling loop never spins on after its test was cancelled.
   */
  public static void sleepMillis(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
