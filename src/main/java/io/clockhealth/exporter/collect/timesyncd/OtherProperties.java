package io.clockhealth.exporter.collect.timesyncd;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The properties of a {@code show} output that this exporter does not know (a newer systemd's), as
 * printed and in their order.
 */
public record OtherProperties(Map<String, String> byName) {

  public OtherProperties {
    byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
  }
}
