package io.clockhealth.exporter.collect.chrony;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** {@code chronyc serverstats}: the fields this chrony version printed, in print order. */
public record ChronyServerStats(Map<ServerStatField, Long> values) {

  public ChronyServerStats {
    Map<ServerStatField, Long> copy = new EnumMap<>(ServerStatField.class);
    copy.putAll(values);
    values = Collections.unmodifiableMap(copy);
  }
}
