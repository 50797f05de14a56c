package io.clockhealth.exporter.exec;

/**
 * Chooses how the JDK starts child processes, before the first one is started.
 *
 * <p>On Linux the JDK 17 default, {@code POSIX_SPAWN}, starts every child through the {@code
 * jspawnhelper} executable: two execs per tool run. {@code VFORK} execs the tool directly and cut
 * the exporter's CPU per scrape by about a third (docs/performance.md has the measurement). JDK 17
 * to 21 support it on Linux; elsewhere, or when the operator set the property, nothing changes.
 */
public final class LaunchMechanism {

  static final String PROPERTY = "jdk.lang.Process.launchMechanism";
  private static final int NEWEST_JDK_MEASURED = 21;

  private LaunchMechanism() {}

  /** Sets {@code VFORK} where it is known to work and nothing else was asked for. */
  public static void chooseFastest() {
    boolean linux =
        System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).equals("linux");
    int jdk = Runtime.version().feature();
    if (linux && jdk <= NEWEST_JDK_MEASURED && System.getProperty(PROPERTY) == null) {
      System.setProperty(PROPERTY, "VFORK");
    }
  }
}
