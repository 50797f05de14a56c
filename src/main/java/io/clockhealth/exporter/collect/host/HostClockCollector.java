package io.clockhealth.exporter.collect.host;

import io.clockhealth.exporter.collect.FailureLog;
import io.clockhealth.exporter.collect.HostCollection;
import io.clockhealth.exporter.collect.HostCollector;
import io.clockhealth.exporter.model.HostClock;
import io.clockhealth.exporter.model.KernelClock;
import io.clockhealth.exporter.model.RtcClock;
import io.clockhealth.exporter.os.AdjtimeFile;
import io.clockhealth.exporter.os.Adjtimex;
import io.clockhealth.exporter.os.Clocksources;
import io.clockhealth.exporter.os.HostRoots;
import io.clockhealth.exporter.os.KernelTimexSource;
import io.clockhealth.exporter.os.LocalTimeZone;
import io.clockhealth.exporter.os.NativeLibC;
import io.clockhealth.exporter.os.ProcessNames;
import io.clockhealth.exporter.os.RtcDevices;
import java.io.IOException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host collector: the kernel's NTP state through a read-only {@code adjtimex(2)}, the RTCs,
 * {@code /etc/adjtime}'s UTC/LOCAL, the clocksource, the time zone and the clock-disciplining
 * processes in {@code /proc}. Nothing is started and nothing needs a privilege.
 *
 * <p>What does not exist here (no C library, a seccomp filter that blocks adjtimex, a VM without
 * RTC, no /etc/adjtime, not Linux) is said once, at construction, in one INFO line, and then yields
 * no series; a scrape is unsuccessful only when something that exists could not be read.
 */
public final class HostClockCollector implements HostCollector {

  private static final Logger LOG = LoggerFactory.getLogger(HostClockCollector.class);

  private final HostRoots roots;
  private final @Nullable KernelTimexSource kernel;
  private final Clock clock;
  private final FailureLog failures;
  private final @Nullable StepDetector steps;

  /** What one pass read, what was not there, and what failed. */
  private record Pass(HostClock clock, List<String> absent, List<String> problems) {}

  /**
   * Reads {@code roots} and {@code kernel}, and logs once what of it is not available here.
   *
   * @param kernel where the kernel's state comes from; a source that fails its first read is one
   *     that cannot be read here, and is not read again
   * @param steps the steps it reports; {@code null} where none are watched ({@code --once})
   */
  public HostClockCollector(
      HostRoots roots, KernelTimexSource kernel, Clock clock, @Nullable StepDetector steps) {
    this(roots, kernel, clock, steps, LOG);
  }

  HostClockCollector(
      HostRoots roots,
      KernelTimexSource kernel,
      Clock clock,
      @Nullable StepDetector steps,
      Logger log) {
    this.roots = roots;
    this.steps = steps;
    this.failures = new FailureLog(log, NAME);
    this.clock = clock;
    KernelTimexSource source = kernel;
    List<String> absent = new ArrayList<>();
    try {
      source.read();
    } catch (IOException e) {
      // Not here (no C library) or blocked for good (seccomp: systemd's ProtectClock=yes): not a
      // failure of every scrape.
      absent.add("kernel NTP state (" + describe(e) + ")");
      source = null;
    }
    this.kernel = source;
    Pass first = pass();
    absent.addAll(first.absent());
    log.info(
        "collector={} enabled (roots {}, {}, {}){}",
        NAME,
        roots.proc(),
        roots.sys(),
        roots.etc(),
        absent.isEmpty()
            ? ""
            : "; not available here, so not exported: " + String.join(", ", absent));
  }

  /**
   * The real host: its /proc, /sys, /etc at {@code roots} and adjtimex through the C library.
   *
   * @param steps the steps it reports; {@code null} where none are watched ({@code --once})
   */
  public static HostClockCollector system(
      HostRoots roots, Clock clock, @Nullable StepDetector steps) {
    KernelTimexSource kernel =
        Adjtimex.system().orElseGet(() -> KernelTimexSource.unavailable(kernelUnavailableReason()));
    return new HostClockCollector(roots, kernel, clock, steps);
  }

  /** Why the kernel's state cannot be read, where the C library could not be loaded. */
  static String kernelUnavailableReason() {
    return "the C library could not be loaded: " + NativeLibC.unavailableReason();
  }

  @Override
  public HostCollection collect() {
    Pass pass = pass();
    if (pass.problems().isEmpty()) {
      failures.success();
    } else {
      failures.failure(String.join("; ", pass.problems()));
    }
    return new HostCollection(pass.problems().isEmpty(), pass.clock());
  }

  private Pass pass() {
    List<String> absent = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    KernelClock kernelClock = kernel == null ? null : kernelClock(kernel, problems);

    List<RtcDevices.Rtc> devices =
        read(
            "RTC (no " + roots.sys().resolve("class/rtc") + ")",
            () -> RtcDevices.read(roots.sys()),
            absent,
            problems);
    List<RtcClock> rtcs =
        devices == null ? List.of() : devices.stream().map(this::rtcClock).toList();
    Boolean rtcLocal =
        read("/etc/adjtime", () -> AdjtimeFile.rtcInLocalTime(roots.etc()), absent, problems);
    Clocksources.State clocksources =
        read("clocksource", () -> Clocksources.read(roots.sys()), absent, problems);
    String zone = read("time zone", () -> LocalTimeZone.name(roots.etc()), absent, problems);
    Integer zoneOffset = zone == null ? null : offsetSeconds(zone, absent);
    Set<String> processes =
        read(
            "processes (no procfs at " + roots.proc() + ")",
            () -> ProcessNames.read(roots.proc()),
            absent,
            problems);

    HostClock host =
        new HostClock(
            kernelClock,
            rtcs,
            rtcLocal,
            clocksources == null ? null : clocksources.current(),
            clocksources == null ? List.of() : clocksources.available(),
            zone,
            zoneOffset,
            processes == null ? List.of() : TimeDaemons.among(processes),
            null,
            steps == null ? null : steps.steps());
    return new Pass(host, absent, problems);
  }

  private static @Nullable KernelClock kernelClock(
      KernelTimexSource source, List<String> problems) {
    try {
      Optional<KernelClock> k = KernelClocks.of(source.read());
      if (k.isEmpty()) {
        problems.add("adjtimex(2) returned an undocumented clock state");
      }
      return k.orElse(null);
    } catch (IOException e) {
      problems.add(describe(e));
      return null;
    }
  }

  /** RTC minus system clock in whole seconds: the RTC counts whole seconds. */
  private RtcClock rtcClock(RtcDevices.Rtc rtc) {
    Long since = rtc.sinceEpochSeconds();
    Double offset = since == null ? null : (double) (since - Math.floorDiv(clock.millis(), 1000L));
    return new RtcClock(
        rtc.name(), since == null ? null : since.doubleValue(), offset, rtc.hctosys());
  }

  private @Nullable Integer offsetSeconds(String zone, List<String> absent) {
    try {
      return ZoneId.of(zone).getRules().getOffset(clock.instant()).getTotalSeconds();
    } catch (DateTimeException e) {
      absent.add("time zone offset (Java does not know the zone " + zone + ")");
      return null;
    }
  }

  @FunctionalInterface
  private interface Read<T> {
    Optional<T> get() throws IOException;
  }

  /**
   * The value read; {@code null} with {@code what} added to {@code absent} when it does not exist
   * here, or with the failure added to {@code problems}.
   */
  private static <T> @Nullable T read(
      String what, Read<T> read, List<String> absent, List<String> problems) {
    try {
      Optional<T> value = read.get();
      if (value.isEmpty()) {
        absent.add(what);
      }
      return value.orElse(null);
    } catch (IOException e) {
      problems.add(describe(e));
      return null;
    }
  }

  /** The reason, with the exception's kind where its message is only a path. */
  static String describe(IOException e) {
    String message = String.valueOf(e.getMessage());
    return e.getClass() == IOException.class
        ? message
        : e.getClass().getSimpleName() + ": " + message;
  }
}
