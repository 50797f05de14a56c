package io.clockhealth.exporter.collect.chrony;

import io.clockhealth.exporter.model.LeapStatus;
import org.jspecify.annotations.Nullable;

/**
 * One source's block of {@code chronyc ntpdata}: the last NTP packet exchanged with it. Values are
 * as chrony prints them, in seconds where a unit applies.
 *
 * @param remoteAddressHex the remote address as chrony's 8-hex-digit reference-ID form
 * @param leapStatus the leap indicator the remote sent
 * @param mode the remote's NTP mode as printed ({@code Server}, {@code Symmetric active}, …)
 * @param pollLog2 polling interval, log2 seconds (may be negative)
 * @param precisionLog2 the remote's clock precision, log2 seconds
 * @param refId the remote's reference ID, 8 hex digits
 * @param referenceName the name in parentheses after it; empty when none ({@code ()})
 * @param referenceTimeSeconds the remote's reference time, Unix seconds
 * @param offsetSeconds the measured offset with chrony's printed sign here, which is the NTP one
 *     (remote minus local: the opposite of {@code sources})
 * @param jitterAsymmetry estimated asymmetry of the network jitter, -0.5 to +0.5
 * @param ntpTests the three groups of test bits as printed, e.g. {@code 111 111 1111}
 * @param txTimestamping {@code Daemon}, {@code Kernel} or {@code Hardware}
 * @param totalKernelTx null when this chrony version does not print the line (older versions stop
 *     at {@code Total good RX}); likewise the other three kernel/hardware totals
 */
public record ChronyNtpData(
    String remoteAddress,
    String remoteAddressHex,
    int remotePort,
    String localAddress,
    String localAddressHex,
    LeapStatus leapStatus,
    int version,
    String mode,
    int stratum,
    int pollLog2,
    int precisionLog2,
    double rootDelaySeconds,
    double rootDispersionSeconds,
    String refId,
    String referenceName,
    double referenceTimeSeconds,
    double offsetSeconds,
    double peerDelaySeconds,
    double peerDispersionSeconds,
    double responseTimeSeconds,
    double jitterAsymmetry,
    String ntpTests,
    boolean interleaved,
    boolean authenticated,
    String txTimestamping,
    String rxTimestamping,
    long totalTx,
    long totalRx,
    long totalValidRx,
    long totalGoodRx,
    @Nullable Long totalKernelTx,
    @Nullable Long totalKernelRx,
    @Nullable Long totalHardwareTx,
    @Nullable Long totalHardwareRx) {}
