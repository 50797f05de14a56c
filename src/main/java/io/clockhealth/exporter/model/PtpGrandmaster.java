package io.clockhealth.exporter.model;

import org.jspecify.annotations.Nullable;

/**
 * The grandmaster a PTP clock follows, as its parent data set and time properties describe it.
 *
 * @param identity the grandmaster's clock identity, e.g. {@code b62257.fffe.246aa6}
 * @param clockClass its clock class (6 = locked to a primary reference, 248 = default, 255 =
 *     slave-only)
 * @param clockAccuracy its clock accuracy as pmc prints it, e.g. {@code 0xfe} (unknown)
 * @param timeSource its time source as pmc prints it, e.g. {@code 0x20} (GNSS); {@code null} when
 *     the time properties were not read
 */
public record PtpGrandmaster(
    String identity, int clockClass, String clockAccuracy, @Nullable String timeSource) {}
