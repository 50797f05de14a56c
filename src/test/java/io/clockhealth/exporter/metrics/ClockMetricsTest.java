package io.clockhealth.exporter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.clockhealth.exporter.model.ClockSteps;
import io.clockhealth.exporter.model.Daemon;
import io.clockhealth.exporter.model.DaemonReport;
import io.clockhealth.exporter.model.HostClock;
import io.clockhealth.exporter.model.KernelClock;
import io.clockhealth.exporter.model.KernelStatusFlag;
import io.clockhealth.exporter.model.KernelTimeState;
import io.clockhealth.exporter.model.LeapStatus;
import io.clockhealth.exporter.model.RtcClock;
import io.clockhealth.exporter.model.ServerClient;
import io.clockhealth.exporter.model.ServerClients;
import io.clockhealth.exporter.model.ServerStat;
import io.clockhealth.exporter.model.SourceMode;
import io.clockhealth.exporter.model.SourceState;
import io.clockhealth.exporter.model.SourceStatus;
import io.clockhealth.exporter.model.SystemStatus;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The exposition the contract (docs/metrics.md) fixes: names, labels, state sets, absent values.
 */
class ClockMetricsTest {

  private static String text(ClockMetrics metrics) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, metrics.build());
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void writesTheSystemViewWithStateSetsAndInfo() throws IOException {
    SystemStatus system =
        SystemStatus.builder()
            .synchronized_(true)
            .offsetSeconds(-73.0)
            .rootDelaySeconds(0.002)
            .rootDispersionSeconds(0.001)
            .stratum(11)
            .refId("7F000017")
            .reference("127.0.0.23")
            .leapStatus(LeapStatus.INSERT_SECOND)
            .localReference(false)
            .build();
    String text =
        text(
            new ClockMetrics()
                .report(new DaemonReport(Daemon.CHRONY, true, system, List.of(), List.of())));
    assertThat(text)
        .contains("clock_daemon_up{daemon=\"chrony\"} 1.0")
        .contains("clock_synchronized{daemon=\"chrony\"} 1.0")
        .contains("clock_offset_seconds{daemon=\"chrony\"} -73.0")
        .contains("clock_max_error_seconds{daemon=\"chrony\"} 73.002")
        .contains("clock_stratum{daemon=\"chrony\"} 11.0")
        .contains(
            "clock_reference_info{daemon=\"chrony\",ref_id=\"7F000017\",reference=\"127.0.0.23\"} 1")
        .contains("clock_leap_status{daemon=\"chrony\",status=\"insert_second\"} 1.0")
        .contains("clock_leap_status{daemon=\"chrony\",status=\"normal\"} 0.0")
        .contains("clock_leap_status{daemon=\"chrony\",status=\"unsynchronised\"} 0.0")
        .contains("clock_local_reference{daemon=\"chrony\"} 0.0");
    // Not measured ⇒ absent, never zero.
    assertThat(text).doesNotContain("clock_jitter_seconds").doesNotContain("clock_rms_offset");
  }

  @Test
  void writesTheHostClockWithoutDaemonLabel() throws IOException {
    KernelClock kernel = new KernelClock(KernelTimeState.ERROR, 0x2040, -1.5e-6, 12.5, 16, 16, 37);
    HostClock host =
        new HostClock(
            kernel,
            List.of(new RtcClock("rtc0", 1_796_222_218.0, 3610.0, true)),
            true,
            "hpet",
            List.of("hpet", "acpi_pm"),
            "Europe/Berlin",
            3600,
            List.of("chronyd", "systemd-timesyncd"),
            false,
            new ClockSteps(2, 1, -0.25, 1_796_222_000.5));
    String text = text(new ClockMetrics().host(host));
    assertThat(text)
        .contains("clock_steps_total{direction=\"forward\"} 2.0")
        .contains("clock_steps_total{direction=\"backward\"} 1.0")
        .contains("clock_last_step_seconds -0.25")
        .contains("clock_last_step_timestamp_seconds 1.7962220005E9")
        .contains("clock_kernel_synchronized 0.0")
        .contains("clock_kernel_time_state{state=\"error\"} 1.0")
        .contains("clock_kernel_time_state{state=\"ok\"} 0.0")
        .contains("clock_kernel_status_flag{flag=\"unsync\"} 1.0")
        .contains("clock_kernel_status_flag{flag=\"nano\"} 1.0")
        .contains("clock_kernel_status_flag{flag=\"pll\"} 0.0")
        .contains("clock_kernel_offset_seconds -1.5E-6")
        .contains("clock_kernel_frequency_ppm 12.5")
        .contains("clock_kernel_max_error_seconds 16.0")
        .contains("clock_kernel_estimated_error_seconds 16.0")
        .contains("clock_kernel_tai_offset_seconds 37.0")
        .contains("clock_rtc_time_seconds{rtc=\"rtc0\"} 1.796222218E9")
        .contains("clock_rtc_offset_seconds{rtc=\"rtc0\"} 3610.0")
        .contains("clock_rtc_hctosys{rtc=\"rtc0\"} 1.0")
        .contains("clock_rtc_local_time 1.0")
        .contains("clock_clocksource_current_info{clocksource=\"hpet\"} 1")
        .contains("clock_clocksource_available_info{clocksource=\"acpi_pm\"} 1")
        .contains("clock_timezone_info{timezone=\"Europe/Berlin\"} 1")
        .contains("clock_timezone_offset_seconds 3600.0")
        .contains("clock_time_daemon_running{process=\"systemd-timesyncd\"} 1.0")
        .contains("clock_timedated_ntp_enabled 0.0");
    assertThat(text.lines().filter(l -> l.startsWith("clock_kernel_status_flag{")))
        .hasSize(KernelStatusFlag.values().length);
  }

  @Test
  void nothingMeasuredOnTheHostIsNoSeries() throws IOException {
    assertThat(text(new ClockMetrics().host(HostClock.NONE))).isEmpty();
  }

  @Test
  void writesSourcesWithOneSeriesPerState() throws IOException {
    SourceStatus source =
        SourceStatus.builder("127.0.0.23")
            .mode(SourceMode.SERVER)
            .state(SourceState.FALSETICKER)
            .offsetSeconds(-73.000015259)
            .reachability(255)
            .pollIntervalSeconds(0.5)
            .build();
    String text =
        text(
            new ClockMetrics()
                .report(new DaemonReport(Daemon.CHRONY, true, null, List.of(source), List.of())));
    assertThat(text)
        .contains(
            "clock_source_info{daemon=\"chrony\",mode=\"server\",ref_id=\"\",source=\"127.0.0.23\"} 1")
        .contains(
            "clock_source_state{daemon=\"chrony\",source=\"127.0.0.23\",state=\"falseticker\"} 1.0")
        .contains(
            "clock_source_state{daemon=\"chrony\",source=\"127.0.0.23\",state=\"selected\"} 0.0")
        .contains(
            "clock_source_offset_seconds{daemon=\"chrony\",source=\"127.0.0.23\"} -73.000015259")
        .contains("clock_source_reachability{daemon=\"chrony\",source=\"127.0.0.23\"} 255.0")
        .contains("clock_source_poll_interval_seconds{daemon=\"chrony\",source=\"127.0.0.23\"} 0.5")
        .doesNotContain("clock_source_last_sample_age_seconds");
    assertThat(text.lines().filter(l -> l.startsWith("clock_source_state{"))).hasSize(6);
  }

  @Test
  void writesCountersScrapeOutcomesHostTimeAndBuildInfo() throws IOException {
    String text =
        text(
            new ClockMetrics()
                .hostTime(1795263871.125)
                .collectorResult("chrony", false, 0.25)
                .report(
                    new DaemonReport(
                        Daemon.CHRONY,
                        false,
                        null,
                        List.of(),
                        List.of(
                            new ServerStat("clock_server_ntp_packets_received", "h", 39, true))))
                .buildInfo("1.2.3", "abc"));
    assertThat(text)
        .contains("clock_time_seconds 1.795263871125E9")
        .contains("clock_scrape_collector_success{collector=\"chrony\"} 0.0")
        .contains("clock_scrape_collector_duration_seconds{collector=\"chrony\"} 0.25")
        .contains("clock_daemon_up{daemon=\"chrony\"} 0.0")
        .contains("clock_server_ntp_packets_received_total{daemon=\"chrony\"} 39.0")
        .contains("clock_exporter_build_info{revision=\"abc\",version=\"1.2.3\"} 1");
  }

  @Test
  void sourcesPrintedWithTheSameTruncatedNameStayDistinct() throws IOException {
    SourceStatus first =
        SourceStatus.builder("2403:4200:403:2").mode(SourceMode.SERVER).reachability(255).build();
    SourceStatus second =
        SourceStatus.builder("2403:4200:403:2").mode(SourceMode.SERVER).reachability(1).build();
    String text =
        text(
            new ClockMetrics()
                .report(
                    new DaemonReport(Daemon.NTPD, true, null, List.of(first, second), List.of())));
    assertThat(text)
        .contains("clock_source_reachability{daemon=\"ntpd\",source=\"2403:4200:403:2\"} 255.0")
        .contains("clock_source_reachability{daemon=\"ntpd\",source=\"2403:4200:403:2#2\"} 1.0");
  }

  @Test
  void maxErrorNeedsAllItsParts() {
    assertThat(SystemStatus.builder().offsetSeconds(1.0).build().maxErrorSeconds()).isNull();
    assertThat(
            SystemStatus.builder()
                .offsetSeconds(-0.5)
                .rootDelaySeconds(1.0)
                .rootDispersionSeconds(0.25)
                .build()
                .maxErrorSeconds())
        .isEqualTo(1.25);
  }

  @Test
  void aClientLogIsAggregatedPerProtocolWithOwnSeriesOnlyForTheBusiestUpToTheLimit()
      throws IOException {
    ServerClients log =
        new ServerClients(
            List.of(
                new ServerClient("10.0.0.1", "ntp", 40, 0, 64.0, 10.0),
                new ServerClient("10.0.0.2", "ntp", 900, 300, 0.5, 0.0),
                new ServerClient("10.0.0.3", "ntp", 7, 0, null, 5000.0),
                new ServerClient("10.0.0.2", "command", 2, 0, null, null)),
            1);
    String text =
        text(
            new ClockMetrics()
                .report(
                    new DaemonReport(
                        Daemon.CHRONY,
                        true,
                        null,
                        List.of(),
                        List.of(),
                        HostClock.NONE,
                        log,
                        null)));
    assertThat(text)
        .contains("clock_server_clients{daemon=\"chrony\",protocol=\"ntp\"} 3.0")
        .contains("clock_server_clients{daemon=\"chrony\",protocol=\"command\"} 1.0")
        .contains("clock_server_clients_rate_limited{daemon=\"chrony\",protocol=\"ntp\"} 1.0")
        .contains("clock_server_clients_requests{daemon=\"chrony\",protocol=\"ntp\"} 947.0")
        .contains("clock_server_clients_requests_dropped{daemon=\"chrony\",protocol=\"ntp\"} 300.0")
        // ages 10, 0, 5000: the le buckets are cumulative
        .contains(
            "clock_server_clients_last_request_age_seconds_bucket{daemon=\"chrony\",protocol=\"ntp\",le=\"1.0\"} 1")
        .contains(
            "clock_server_clients_last_request_age_seconds_bucket{daemon=\"chrony\",protocol=\"ntp\",le=\"16.0\"} 2")
        .contains(
            "clock_server_clients_last_request_age_seconds_bucket{daemon=\"chrony\",protocol=\"ntp\",le=\"+Inf\"} 3")
        .contains(
            "clock_server_clients_last_request_age_seconds_sum{daemon=\"chrony\",protocol=\"ntp\"} 5010.0")
        // the interval is known for two of the three
        .contains(
            "clock_server_clients_request_interval_seconds_count{daemon=\"chrony\",protocol=\"ntp\"} 2")
        // the one busiest client only
        .contains(
            "clock_server_client_requests{client=\"10.0.0.2\",daemon=\"chrony\",protocol=\"ntp\"} 900.0")
        .contains(
            "clock_server_client_requests_dropped{client=\"10.0.0.2\",daemon=\"chrony\",protocol=\"ntp\"} 300.0")
        .doesNotContain("client=\"10.0.0.1\"")
        .doesNotContain("client=\"10.0.0.3\"");
  }

  @Test
  void noClientLogAskedForIsNoClientSeries() throws IOException {
    String text =
        text(
            new ClockMetrics()
                .report(new DaemonReport(Daemon.CHRONY, true, null, List.of(), List.of())));
    assertThat(text).doesNotContain("clock_server_client");
  }
}
