package io.clockhealth.exporter.probe;

import io.clockhealth.exporter.config.ProbeSettings;
import io.clockhealth.exporter.model.LeapStatus;
import io.clockhealth.exporter.model.ProbeReport;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one {@code /probe} request: checks the module and the target, resolves the name within
 * the probe's deadline, applies {@code allowed_targets} to the name and the address, honours what
 * the server asked before (Kiss-o'-Death), and runs the probe. Concurrent requests for the same
 * server and module share one flight; at most {@code max_concurrent} flights run at once.
 */
public final class ProbeService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ProbeService.class);

  /** Taken off a scrape's own timeout, so the answer is back before Prometheus gives up. */
  static final Duration SCRAPE_MARGIN = Duration.ofMillis(500);

  private static final Duration MIN_DEADLINE = Duration.ofMillis(100);

  /** What to answer: a probe's report, or a refusal with its HTTP status and one-line reason. */
  public sealed interface Answer {
    record Probed(ProbeReport report) implements Answer {}

    record Refused(int status, String reason) implements Answer {}
  }

  private record FlightKey(InetSocketAddress server, String module) {}

  private final ProbeSettings settings;
  private final Prober prober;
  private final KissOfDeath kisses;
  private final Map<FlightKey, CompletableFuture<ProbeReport>> flights = new ConcurrentHashMap<>();
  private final ExecutorService resolver;

  public ProbeService(ProbeSettings settings) {
    this(
        settings,
        new Prober(NtpClient.system()::exchange, d -> Thread.sleep(d.toMillis())),
        new KissOfDeath(System::nanoTime, LOG));
  }

  ProbeService(ProbeSettings settings, Prober prober, KissOfDeath kisses) {
    this.settings = settings;
    this.prober = prober;
    this.kisses = kisses;
    AtomicInteger threads = new AtomicInteger();
    // A lookup cannot be interrupted: it runs on a pool thread the request stops waiting for.
    this.resolver =
        Executors.newFixedThreadPool(
            settings.maxConcurrent(),
            r -> {
              Thread t = new Thread(r, "probe-resolver-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Probes {@code target} with the module named, within the module's and the scrape's timeout.
   *
   * @param scrapeTimeout Prometheus's {@code X-Prometheus-Scrape-Timeout-Seconds}, if it sent one
   */
  public Answer probe(
      @Nullable String target, @Nullable String moduleName, @Nullable Duration scrapeTimeout) {
    long start = System.nanoTime();
    String name = moduleName == null ? ProbeSettings.DEFAULT_MODULE : moduleName;
    ProbeSettings.Module module = settings.modules().get(name);
    if (module == null) {
      return new Answer.Refused(400, "unknown module (see probe.modules in the config file)");
    }
    if (target == null) {
      return new Answer.Refused(400, "target is missing: /probe?target=HOST[:PORT]");
    }
    ProbeTarget parsed;
    try {
      parsed = ProbeTarget.parse(target);
    } catch (IllegalArgumentException e) {
      return new Answer.Refused(400, String.valueOf(e.getMessage()));
    }
    Duration deadline = module.timeout();
    if (scrapeTimeout != null) {
      Duration fromScrape = scrapeTimeout.minus(SCRAPE_MARGIN);
      if (fromScrape.compareTo(deadline) < 0) {
        deadline = fromScrape.compareTo(MIN_DEADLINE) < 0 ? MIN_DEADLINE : fromScrape;
      }
    }
    long deadlineNanos = start + deadline.toNanos();
    InetAddress address;
    try {
      address = resolve(parsed.host(), module.ipProtocol(), deadlineNanos);
    } catch (ResolutionFailed e) {
      if (!settings.allowsAny() && !allowedByName(parsed.host())) {
        return new Answer.Refused(400, "target is not in probe.allowed_targets");
      }
      LOG.debug("probe of {}: {}", parsed, e.getMessage());
      return new Answer.Probed(unreachable(start, null));
    }
    if (!allowed(parsed.host(), address)) {
      return new Answer.Refused(400, "target is not in probe.allowed_targets");
    }
    InetSocketAddress server = new InetSocketAddress(address, parsed.port());
    Optional<String> held = kisses.holding(server);
    if (held.isPresent()) {
      return new Answer.Probed(unreachable(start, held.get()));
    }
    FlightKey key = new FlightKey(server, name);
    CompletableFuture<ProbeReport> mine = new CompletableFuture<>();
    CompletableFuture<ProbeReport> flight;
    synchronized (flights) {
      flight = flights.get(key);
      if (flight == null) {
        if (flights.size() >= settings.maxConcurrent()) {
          return new Answer.Refused(
              503,
              "too many probes in flight (probe.max_concurrent " + settings.maxConcurrent() + ")");
        }
        flights.put(key, mine);
      }
    }
    if (flight != null) {
      return join(flight, start, deadlineNanos);
    }
    try {
      mine.complete(run(server, module, start, deadlineNanos));
    } catch (RuntimeException e) {
      LOG.error("probe of {} failed unexpectedly", parsed, e);
      mine.complete(unreachable(start, null));
    } finally {
      flights.remove(key, mine);
    }
    return new Answer.Probed(mine.join());
  }

  /** The operator reloaded: servers that refused us may be asked again. */
  public void reload() {
    kisses.forgetRefusals();
  }

  @Override
  public void close() {
    resolver.shutdownNow();
  }

  private Answer join(CompletableFuture<ProbeReport> flight, long start, long deadlineNanos) {
    try {
      return new Answer.Probed(
          flight.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS));
    } catch (TimeoutException | ExecutionException e) {
      return new Answer.Probed(unreachable(start, null));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer.Probed(unreachable(start, null));
    }
  }

  private ProbeReport run(
      InetSocketAddress server, ProbeSettings.Module m, long start, long deadlineNanos) {
    Duration left = Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    if (left.compareTo(MIN_DEADLINE) < 0) {
      left = MIN_DEADLINE;
    }
    Prober.Result result;
    try {
      result = prober.probe(server, new ProbeModule(m.version(), m.samples(), m.spacing(), left));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return unreachable(start, null);
    }
    kisses.observe(server, result.kissCode(), result.success());
    double seconds = (System.nanoTime() - start) / 1e9;
    return new ProbeReport(
        result.reachable(),
        result.success(),
        seconds,
        result.usable(),
        result.best().map(ProbeService::reply).orElse(null),
        result.kissCode().orElse(null));
  }

  private static ProbeReport.Reply reply(ProbeSample s) {
    NtpPacket p = s.reply();
    return new ProbeReport.Reply(
        s.offsetSeconds(),
        s.delaySeconds(),
        p.stratum(),
        p.precisionSeconds(),
        p.rootDelaySeconds(),
        p.rootDispersionSeconds(),
        s.rootDistanceSeconds(),
        s.referenceAgeSeconds(),
        leap(p.leap()),
        p.referenceIdText());
  }

  /** The leap indicator's two bits as the state set's value. */
  private static LeapStatus leap(int indicator) {
    return switch (indicator) {
      case 0 -> LeapStatus.NORMAL;
      case 1 -> LeapStatus.INSERT_SECOND;
      case 2 -> LeapStatus.DELETE_SECOND;
      default -> LeapStatus.UNSYNCHRONISED;
    };
  }

  private static ProbeReport unreachable(long start, @Nullable String kissCode) {
    return new ProbeReport(false, false, (System.nanoTime() - start) / 1e9, 0, null, kissCode);
  }

  private boolean allowedByName(String host) {
    return settings.allowedTargets().stream().anyMatch(t -> t.allowsName(host));
  }

  private boolean allowed(String host, InetAddress address) {
    return settings.allowsAny()
        || settings.allowedTargets().stream().anyMatch(t -> t.allows(host, address));
  }

  /** Why a name gave no address in time. */
  static final class ResolutionFailed extends Exception {
    private static final long serialVersionUID = 1L;

    ResolutionFailed(String message) {
      super(message);
    }
  }

  private InetAddress resolve(String host, ProbeSettings.IpProtocol preferred, long deadlineNanos)
      throws ResolutionFailed {
    Future<InetAddress[]> lookup = resolver.submit(() -> InetAddress.getAllByName(host));
    InetAddress[] all;
    try {
      all = lookup.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      lookup.cancel(true);
      throw new ResolutionFailed("name resolution did not finish within the probe's deadline");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new ResolutionFailed("name does not resolve: " + cause.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ResolutionFailed("interrupted");
    }
    Class<?> first =
        preferred == ProbeSettings.IpProtocol.IP6 ? Inet6Address.class : Inet4Address.class;
    return Arrays.stream(all)
        .min(Comparator.comparing(a -> first.isInstance(a) ? 0 : 1))
        .orElseThrow(() -> new ResolutionFailed("name has no address"));
  }
}
