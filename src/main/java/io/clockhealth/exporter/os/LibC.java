package io.clockhealth.exporter.os;

import com.sun.jna.Library;

/**
 * The C library calls the exporter makes, through JNA. Only calls that read state or concern the
 * exporter's own processes belong here: nothing that can set a clock.
 */
public interface LibC extends Library {

  /** {@code prctl(2)} option: orphaned descendants are re-parented to this process, not init. */
  int PR_SET_CHILD_SUBREAPER = 36;

  /** {@code waitpid(2)} option: return at once when the child has not ended. */
  int WNOHANG = 1;

  /**
   * {@code clock_gettime(2)} clock: monotonic and counting the time the system was suspended
   * ({@link BootTime} reads it; {@code timespec} is two 64-bit fields on the 64-bit targets).
   */
  int CLOCK_BOOTTIME = 7;

  int prctl(int option, long arg2, long arg3, long arg4, long arg5);

  int waitpid(int pid, int[] status, int options);

  /**
   * {@code adjtimex(2)}: with {@link Timex}'s {@code modes} fixed at 0 it only reads the kernel's
   * NTP state (no privilege needed) and returns the clock state ({@code TIME_OK} … {@code
   * TIME_ERROR}), or -1.
   */
  int adjtimex(Timex timex);
}
