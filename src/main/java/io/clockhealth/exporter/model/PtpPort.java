package io.clockhealth.exporter.model;

/**
 * One port of a PTP clock.
 *
 * @param name the {@code port} label: the network interface when ptp4l names it, else the port
 *     number
 */
public record PtpPort(String name, PtpPortState state) {}
