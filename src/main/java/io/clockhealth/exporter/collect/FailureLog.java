package io.clockhealth.exporter.collect;

import java.util.Objects;
import org.slf4j.Logger;

/**
 * Logs a collector's failures without flooding: a new or changed reason is logged at WARN, the same
 * reason on later scrapes at DEBUG, and the first success after a failure at INFO.
 */
public final class FailureLog {

  private final Logger logger;
  private final String collector;
  private String lastReason;

  public FailureLog(Logger logger, String collector) {
    this.logger = logger;
    this.collector = collector;
  }

  public synchronized void failure(String reason) {
    if (Objects.equals(reason, lastReason)) {
      logger.debug("collector={} still failing: {}", collector, reason);
    } else {
      logger.warn("collector={} failed: {}", collector, reason);
      lastReason = reason;
    }
  }

  public synchronized void success() {
    if (lastReason != null) {
      logger.info("collector={} recovered", collector);
      lastReason = null;
    }
  }
}
