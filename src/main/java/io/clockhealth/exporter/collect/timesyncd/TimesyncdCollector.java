package io.clockhealth.exporter.collect.timesyncd;

import io.clockhealth.exporter.collect.DaemonCollector;
import io.clockhealth.exporter.collect.Reading;
import io.clockhealth.exporter.collect.Step;
import io.clockhealth.exporter.collect.ToolInvoker;
import io.clockhealth.exporter.config.ToolSettings;
import io.clockhealth.exporter.exec.CommandRunner;
import io.clockhealth.exporter.model.Daemon;
import io.clockhealth.exporter.model.DaemonReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Collects systemd-timesyncd's view through {@code timedatectl show-timesync --all} (server, poll
 * interval, the last NTP reply), {@code timedatectl timesync-status} (offset, delay, jitter,
 * frequency) and {@code timedatectl show} (time zone, used to read the reply timestamps; and
 * timedated's NTP= and LocalRTC=, host series without a daemon label).
 */
public final class TimesyncdCollector implements DaemonCollector {

  private final ToolInvoker timedatectl;

  public TimesyncdCollector(CommandRunner runner, ToolSettings settings) {
    this.timedatectl =
        ToolInvoker.of(
            runner, settings, ToolInvoker.ExtraArguments.FIRST, TimedatectlErrors.DETECTOR);
  }

  @Override
  public Daemon daemon() {
    return Daemon.TIMESYNCD;
  }

  @Override
  public Reading read() {
    Step<TimesyncProperties> properties =
        timedatectl.run(List.of("show-timesync", "--all"), TimesyncdFormats.SHOW_TIMESYNC::parse);
    if (properties.failed()) {
      return Reading.failed(properties);
    }
    TimesyncProperties propertiesValue =
        Objects.requireNonNull(properties.value(), "show-timesync succeeded");
    List<String> problems = new ArrayList<>();
    Step<TimesyncStatus> status =
        timedatectl.run(List.of("timesync-status"), TimesyncdFormats.TIMESYNC_STATUS::parse);
    if (status.failed()) {
      problems.add(status.reason());
    }
    // show talks to timedated, not timesyncd; after a hang there is no point asking it too.
    Step<TimedateProperties> show =
        status.timedOut()
            ? status.skippedAs()
            : timedatectl.run(List.of("show"), TimesyncdFormats.SHOW::parse);
    if (show.failed() && !status.timedOut()) {
      problems.add(show.reason());
    }
    if (Reading.daemonStopped(status).isPresent()) {
      return new Reading.Unread(String.join("; ", problems), false);
    }
    TimesyncStatus statusValue = status.failed() ? null : status.value();
    TimedateProperties showValue = show.failed() ? null : show.value();
    return new Reading.Read(
        new DaemonReport(
            Daemon.TIMESYNCD,
            true,
            TimesyncdReportMapper.system(propertiesValue, statusValue, showValue),
            TimesyncdReportMapper.sources(propertiesValue, statusValue),
            List.of(),
            TimesyncdReportMapper.host(showValue),
            null,
            null),
        problems);
  }
}
