package io.clockhealth.exporter.model;

import org.jspecify.annotations.Nullable;

/**
 * One real-time clock as the kernel reads it; a {@code null} component was not measured.
 *
 * @param name the device, {@code rtc0}
 * @param timeSeconds the RTC's time, Unix seconds (1 s resolution; skewed by the zone offset when
 *     the RTC keeps local time)
 * @param offsetSeconds RTC minus system clock, positive = the RTC is ahead
 * @param hctosys whether the system clock was set from this RTC at boot
 */
public record RtcClock(
    String name,
    @Nullable Double timeSeconds,
    @Nullable Double offsetSeconds,
    @Nullable Boolean hctosys) {}
