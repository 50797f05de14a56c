package io.clockhealth.exporter.collect;

import io.clockhealth.exporter.model.HostClock;

/** What the host collector read in one scrape; {@code clock} holds whatever was read. */
public record HostCollection(boolean success, HostClock clock) {}
