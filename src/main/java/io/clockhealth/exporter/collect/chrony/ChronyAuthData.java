package io.clockhealth.exporter.collect.chrony;

import org.jspecify.annotations.Nullable;

/**
 * One row of {@code chronyc authdata}: how chronyd authenticates one NTP source.
 *
 * @param name as printed, including a trailing {@code >} when chronyc truncated it
 * @param mode {@code NTS}, {@code SK} (symmetric key) or {@code -} (none)
 * @param keyId the symmetric key ID, or the NTS key ID
 * @param type the key or AEAD algorithm number (e.g. 15 = AEAD-AES-SIV-CMAC-256, 30 =
 *     AEAD-AES-128-GCM-SIV, 13 = AES128)
 * @param keyLength key length in bits
 * @param lastSeconds seconds since the last successful key establishment; null when never ({@code
 *     -})
 * @param attempts NTS-KE attempts since the last success
 * @param naks NTS NAKs received
 * @param cookies NTS cookies held
 * @param cookieLength length of the cookies in bytes
 */
public record ChronyAuthData(
    String name,
    String mode,
    long keyId,
    int type,
    int keyLength,
    @Nullable Double lastSeconds,
    long attempts,
    long naks,
    int cookies,
    int cookieLength) {}
