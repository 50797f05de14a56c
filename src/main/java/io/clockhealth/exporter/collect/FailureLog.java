package io.clockhealth.exporter.collect;

import io.clockhealth.exporter.parse.ControlCharacters;
import java.util.Arrays;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * Logs a collector's failures without flooding: a new or changed cause is logged at WARN, the same
 * cause on later scrapes at DEBUG, and the first success after a failure at INFO. The cause is the
 * reason without the commands it names, so a daemon that dies shows once, whichever of its commands
 * noticed first.
 */
public final class FailureLog {

  private final Logger logger;
  private final String collector;
  private static final Pattern COMMAND = Pattern.compile("command \"[^\"]*\" ?");

  private @Nullable String lastCause;

  public FailureLog(Logger logger, String collector) {
    this.logger = logger;
    this.collector = collector;
  }

  // NullAway: escape returns null only for null, and rawReason is not null.
  @SuppressWarnings("NullAway")
  public synchronized void failure(String rawReason) {
    String reason = ControlCharacters.escape(rawReason); // it quotes the tool's output
    String cause = cause(reason);
    if (Objects.equals(cause, lastCause)) {
      logger.debug("collector={} still failing: {}", collector, reason);
    } else {
      logger.warn("collector={} failed: {}", collector, reason);
      lastCause = cause;
    }
  }

  public synchronized void success() {
    if (lastCause != null) {
      logger.info("collector={} recovered", collector);
      lastCause = null;
    }
  }

  /** The distinct failure texts with the commands taken out, e.g. {@code [reported "506 …"]}. */
  static String cause(String reason) {
    return new TreeSet<>(
            Arrays.stream(reason.split("; "))
                .map(part -> COMMAND.matcher(part).replaceAll("").strip())
                .toList())
        .toString();
  }
}
