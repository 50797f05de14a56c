package io.clockhealth.exporter.collect.ntpd;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * ntpd's system variables from {@code ntpq -c rv} (also {@code rv 0 …}, {@code rl}), with ntpq's
 * units and signs (converted only by {@link NtpdReportMapper}). A {@code null} component was not
 * printed; old variable names are folded into the current ones.
 *
 * @param associd {@code associd=} ({@code assID=} in old versions) from the status line; 0 for the
 *     system variables, {@code null} when the line has none (ntpd 4.0)
 * @param status the system status word ({@code status=0615}, hex)
 * @param leap the leap indicator variable: 0 none, 1 insert, 2 delete, 3 unsynchronised (printed
 *     {@code 00}…{@code 11})
 * @param refid as printed, e.g. {@code 10.232.0.3}, {@code GPS}, {@code INIT}, a host name
 * @param offsetMs {@code offset} ({@code phase} before 4.2), ms, ntpd's sign
 * @param sysJitterMs {@code sys_jitter} ({@code jitter} before 4.2.6), ms
 * @param clkJitterMs {@code clk_jitter}, ms
 * @param rootDelayMs {@code rootdelay}, ms
 * @param rootDispersionMs {@code rootdisp} (named rootdispersion by old versions), ms
 * @param frequencyPpm {@code frequency}: the correction applied to the clock, ppm
 * @param tc {@code tc} ({@code poll} in old versions): the clock discipline's time constant, log2
 *     seconds
 * @param reftimeUnixSeconds {@code reftime} as Unix seconds; {@code null} when never set (zero)
 * @param peer {@code peer}: the association ID of the system peer, 0 for none
 * @param all every {@code name=value} printed, unquoted, in order; a repeated name ({@code cert})
 *     keeps its first value
 */
public record NtpqSysVars(
    @Nullable Integer associd,
    Integer status,
    @Nullable Integer leap,
    @Nullable Integer stratum,
    @Nullable String refid,
    @Nullable Double offsetMs,
    @Nullable Double sysJitterMs,
    @Nullable Double clkJitterMs,
    @Nullable Double rootDelayMs,
    @Nullable Double rootDispersionMs,
    @Nullable Double frequencyPpm,
    @Nullable Integer tc,
    @Nullable Double reftimeUnixSeconds,
    @Nullable Integer peer,
    Map<String, String> all) {

  private static final int LEAP_SHIFT = 14;
  private static final int LEAP_MASK = 0b11;

  public NtpqSysVars {
    all = Collections.unmodifiableMap(new LinkedHashMap<>(all));
  }

  /**
   * The leap indicator: the {@code leap} variable, else the top two bits of the status word, which
   * hold the same value (a selective {@code rv 0 stratum} prints only the status line and the
   * variables asked for).
   */
  public Integer leapIndicator() {
    if (leap != null) {
      return leap;
    }
    return (status >> LEAP_SHIFT) & LEAP_MASK;
  }
}
