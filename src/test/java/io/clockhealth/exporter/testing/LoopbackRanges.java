package io.clockhealth.exporter.testing;

import java.util.Arrays;
import java.util.Optional;

/**
 * The one registry of the fixed loopback addresses and ports that tests and scripts bind: an owner
 * (a test class, or a script under {@code scripts/}) gets {@link #COUNT} consecutive addresses
 * 127.0.0.{@code first}… and as many ports {@code 12100 + first}… (UDP and TCP alike). Tests take
 * their addresses from their entry ({@link #address}, {@link #port}) and never spell one out;
 * {@code LoopbackRangesTest} checks that no two entries overlap, that every Java owner takes its
 * addresses from its own entry only and that the scripts' variables match theirs. A new test that
 * binds a fixed address adds an entry here.
 */
public enum LoopbackRanges {
  CHRONYD_HARNESS_IT("io.clockhealth.exporter.testing.ChronydHarnessIT", 31),
  CHRONY_SCENARIOS_IT("io.clockhealth.exporter.collect.chrony.ChronyScenariosIT", 41),
  CHRONY_SOURCE_LOSS_IT("io.clockhealth.exporter.collect.chrony.ChronySourceLossIT", 51),
  ONCE_IT("io.clockhealth.exporter.cli.OnceIT", 61),
  PROMETHEUS_END_TO_END_IT("io.clockhealth.exporter.alerts.PrometheusEndToEndIT", 71),
  PROMETHEUS_PIPELINE_IT("io.clockhealth.exporter.deploy.PrometheusPipelineIT", 81),
  CHRONYD_KILLED_IT("io.clockhealth.exporter.faults.ChronydKilledIT", 91),
  /** {@code ADDR}, {@code CMDPORT}, {@code HTTPPORT}, {@code TLSPORT} of the script. */
  TEST_CONTAINER_SH("scripts/test-container.sh", 101),
  CHRONY_BATCH_IT("io.clockhealth.exporter.collect.chrony.ChronyBatchIT", 111),
  TEXTFILE_NODE_EXPORTER_IT("io.clockhealth.exporter.deploy.TextfileNodeExporterIT", 131),
  SOAK_IT("io.clockhealth.exporter.faults.SoakIT", 161),
  /** Its servers listen on NTP's own port 123 (ntpdig, the oracle, cannot ask another). */
  NTP_PROBE_IT("io.clockhealth.exporter.probe.NtpProbeIT", 171),
  /** Port 123 too: /probe's default port. */
  PROBE_ENDPOINT_IT("io.clockhealth.exporter.probe.ProbeEndpointIT", 181),
  /** The fronts of its relays into ntpd's namespace. */
  NTPD_PROBE_IT("io.clockhealth.exporter.probe.NtpdProbeIT", 191),
  /** {@code SERVER_ADDR}, {@code SERVER_PORT}, {@code EXPORTER_PORT}, {@code NODE_PORT}. */
  BENCH_HTTP_SH("scripts/bench-http.sh", 201),
  /** {@code SERVER_ADDR} (its chronyd on port 123), {@code EXPORTER_PORT}. */
  BENCH_PROBE_SH("scripts/bench-probe.sh", 211),
  CHRONY_SELECTION_IT("io.clockhealth.exporter.collect.chrony.ChronySelectionIT", 221),
  CHRONY_CLIENTS_IT("io.clockhealth.exporter.collect.chrony.ChronyClientsIT", 231),
  DOCTOR_IT("io.clockhealth.exporter.cli.DoctorIT", 241),
  STATUS_PAGE_BROWSER_IT("io.clockhealth.exporter.web.StatusPageBrowserIT", 121);

  /** Addresses (and ports) per owner. */
  public static final int COUNT = 9;

  /** The port of address 127.0.0.N is {@code PORT_BASE + N}. */
  public static final int PORT_BASE = 12100;

  private final String owner;
  private final int first;

  LoopbackRanges(String owner, int first) {
    this.owner = owner;
    this.first = first;
  }

  /** A fully qualified test class name, or a path below the repository root for a script. */
  public String owner() {
    return owner;
  }

  public boolean ownedByScript() {
    return owner.startsWith("scripts/");
  }

  /** The last octet of the first address. */
  public int firstOctet() {
    return first;
  }

  /** 127.0.0.(first + n), n in 0..COUNT-1. */
  public String address(int n) {
    return "127.0.0." + (first + index(n));
  }

  /** The port that goes with {@link #address(int) address(n)}. */
  public int port(int n) {
    return PORT_BASE + first + index(n);
  }

  /** {@code address(n):port(n)}. */
  public String hostPort(int n) {
    return address(n) + ":" + port(n);
  }

  /** The entry of {@code testClass}; IllegalArgumentException when it has none. */
  public static LoopbackRanges of(Class<?> testClass) {
    return find(testClass.getName())
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    testClass.getName() + " has no entry in LoopbackRanges: add one"));
  }

  static Optional<LoopbackRanges> find(String owner) {
    return Arrays.stream(values()).filter(r -> r.owner.equals(owner)).findFirst();
  }

  private static int index(int n) {
    if (n < 0 || n >= COUNT) {
      throw new IndexOutOfBoundsException("loopback range index " + n + " not in 0.." + COUNT);
    }
    return n;
  }

  @Override
  public String toString() {
    return name()
        + " ("
        + owner
        + "): "
        + address(0)
        + "–"
        + (first + COUNT - 1)
        + ", ports "
        + port(0)
        + "–"
        + port(COUNT - 1);
  }
}
