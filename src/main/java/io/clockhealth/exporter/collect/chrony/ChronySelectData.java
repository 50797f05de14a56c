package io.clockhealth.exporter.collect.chrony;

import io.clockhealth.exporter.model.LeapStatus;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code chronyc selectdata} (chrony 4.0 and later): what source selection made of one
 * source, and why.
 *
 * @param state chrony's state letter ({@code *}, {@code +}, {@code N}, {@code s}, {@code x}, ...)
 * @param name as printed, including a trailing {@code >} when chronyc truncated it
 * @param authenticated whether the source's packets are authenticated (NTS or a key)
 * @param configuredOptions the selection options as configured, five characters: {@code N}
 *     noselect, {@code P} prefer, {@code T} trust, {@code R} require, {@code -} for each one unset
 * @param effectiveOptions the same as in effect (chrony may add {@code N} to an unusable source)
 * @param lastSampleAgeSeconds seconds since the last sample; null when never
 * @param score the reselection score (a source takes over from the selected one above 10)
 * @param offsetLowSeconds the low end of the source's offset interval, seconds
 * @param offsetHighSeconds the high end
 * @param leap the source's leap status ({@code ?} in the human layout: not synchronised)
 */
public record ChronySelectData(
    char state,
    String name,
    boolean authenticated,
    String configuredOptions,
    String effectiveOptions,
    @Nullable Double lastSampleAgeSeconds,
    double score,
    double offsetLowSeconds,
    double offsetHighSeconds,
    LeapStatus leap) {}
