package io.clockhealth.exporter.probe;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * What the servers asked of us (RFC 5905 section 7.4), per server address: after {@code RATE} it is
 * not asked again for a back-off that doubles from 1 to 16 minutes and ends with the next good
 * reply; after {@code DENY} or {@code RSTR} never again, until {@link #forgetRefusals} (the
 * operator's reload). Meanwhile a probe sends nothing and reports the remembered code.
 */
final class KissOfDeath {

  static final Duration FIRST_BACKOFF = Duration.ofMinutes(1);
  static final Duration MAX_BACKOFF = Duration.ofMinutes(16);

  private record Kiss(String code, long untilNanos, Duration backoff) {}

  private final Map<InetSocketAddress, Kiss> kisses = new ConcurrentHashMap<>();
  private final LongSupplier nanoTime;
  private final Logger log;

  KissOfDeath(LongSupplier nanoTime, Logger log) {
    this.nanoTime = nanoTime;
    this.log = log;
  }

  /** The code a server kissed us with while it is still to be left alone. */
  Optional<String> holding(InetSocketAddress server) {
    Kiss k = kisses.get(server);
    if (k == null) {
      return Optional.empty();
    }
    if (isRefusal(k.code()) || nanoTime.getAsLong() - k.untilNanos() < 0) {
      return Optional.of(k.code());
    }
    return Optional.empty();
  }

  /** Notes what a probe of {@code server} got: a kiss, a good reply, or neither. */
  void observe(InetSocketAddress server, Optional<String> kissCode, boolean usable) {
    if (kissCode.isEmpty()) {
      if (usable) {
        kisses.remove(server);
      }
      return;
    }
    String code = kissCode.get();
    if (isRefusal(code)) {
      if (kisses.put(server, new Kiss(code, 0, Duration.ZERO)) == null) {
        log.warn(
            "probe of {} answered Kiss-o'-Death {}: not probed again until the exporter is"
                + " reloaded (SIGHUP) or restarted",
            server,
            code);
      }
    } else if (code.equals("RATE")) {
      Kiss before = kisses.get(server);
      Duration backoff =
          before == null || isRefusal(before.code())
              ? FIRST_BACKOFF
              : min(before.backoff().multipliedBy(2), MAX_BACKOFF);
      kisses.put(server, new Kiss(code, nanoTime.getAsLong() + backoff.toNanos(), backoff));
      log.info(
          "probe of {} answered Kiss-o'-Death RATE: not probed for {} s",
          server,
          backoff.toSeconds());
    }
  }

  /** The operator asked again: refused servers may be probed. */
  void forgetRefusals() {
    kisses.values().removeIf(k -> isRefusal(k.code()));
  }

  private static boolean isRefusal(String code) {
    return code.equals("DENY") || code.equals("RSTR");
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
