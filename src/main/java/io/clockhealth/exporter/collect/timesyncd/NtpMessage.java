package io.clockhealth.exporter.collect.timesyncd;

import org.jspecify.annotations.Nullable;

/**
 * The last NTP reply timesyncd accepted, as {@code timedatectl show-timesync} prints its {@code
 * NTPMessage} property: the packet's own fields plus timesyncd's bookkeeping.
 *
 * @param leap the leap indicator: 0 none, 1 insert, 2 delete, 3 unsynchronised (alarm)
 * @param precisionLog2 the server's clock precision, log2 seconds (-26 ≈ 15 ns)
 * @param reference the reference ID as printed: hex for stratum ≥ 2 ({@code 7F7F0101}, without
 *     leading zeros), ASCII for stratum 1 ({@code GOOG}); {@code null} when empty
 * @param originateTimestamp T1, the local time the request left; {@code null} when not set
 * @param receiveTimestamp T2, the server's time the request arrived
 * @param transmitTimestamp T3, the server's time the reply left
 * @param destinationTimestamp T4, the local time the reply arrived
 * @param ignored whether timesyncd ignored this reply as a spike
 * @param packetCount replies received from the current server so far
 */
public record NtpMessage(
    int leap,
    int version,
    int mode,
    int stratum,
    int precisionLog2,
    double rootDelaySeconds,
    double rootDispersionSeconds,
    @Nullable String reference,
    @Nullable SystemdTimestamp originateTimestamp,
    SystemdTimestamp receiveTimestamp,
    SystemdTimestamp transmitTimestamp,
    SystemdTimestamp destinationTimestamp,
    boolean ignored,
    long packetCount,
    double jitterSeconds) {

  /**
   * Reads the property value {@code { Leap=0, Version=4, … Jitter=0 }}, also the form systemd
   * before 250 printed without the comma in {@code Ignored=no PacketCount=1}. This is also the
   * whole output of {@code timedatectl show-timesync -p NTPMessage --value}.
   *
   * @throws IllegalArgumentException when the value is not such a message
   */
  public static NtpMessage parse(String value) {
    return NtpMessageReader.read(value);
  }
}
