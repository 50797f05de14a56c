package io.clockhealth.exporter.collect.chrony;

import java.time.Duration;
import java.util.List;

/**
 * How to run chronyc: the executable, extra arguments placed before the command (e.g. {@code -h
 * /run/chrony/chronyd.sock}), and the per-command limits.
 */
public record ChronySettings(
    String chronycPath, List<String> extraArguments, Duration timeout, int maxOutputBytes) {

  public ChronySettings {
    extraArguments = List.copyOf(extraArguments);
  }
}
