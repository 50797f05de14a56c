package io.clockhealth.exporter.collect.timesyncd;

import io.clockhealth.exporter.collect.CollectionResult;
import io.clockhealth.exporter.collect.DaemonCollector;
import io.clockhealth.exporter.collect.FailureLog;
import io.clockhealth.exporter.collect.Step;
import io.clockhealth.exporter.collect.ToolInvoker;
import io.clockhealth.exporter.config.ToolSettings;
import io.clockhealth.exporter.exec.CommandRunner;
import io.clockhealth.exporter.model.Daemon;
import io.clockhealth.exporter.model.DaemonReport;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects systemd-timesyncd's view through {@code timedatectl show-timesync --all} (server, poll
 * interval, the last NTP reply), {@code timedatectl timesync-status} (offset, delay, jitter,
 * frequency) and {@code timedatectl show} (time zone, used to read the reply timestamps; and
 * timedated's NTP= and LocalRTC=, host series without a daemon label).
 */
public final class TimesyncdCollector implements DaemonCollector {

  private static final Logger LOG = LoggerFactory.getLogger(TimesyncdCollector.class);

  private final ToolInvoker timedatectl;
  private final FailureLog failures = new FailureLog(LOG, "timesyncd");

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
  public CollectionResult collect() {
    Step<TimesyncProperties> properties =
        timedatectl.run(List.of("show-timesync", "--all"), TimesyncdFormats.SHOW_TIMESYNC::parse);
    if (properties.failed()) {
      failures.failure(properties.reason());
      return new CollectionResult(
          false, DaemonReport.empty(Daemon.TIMESYNCD, properties.daemonUp()));
    }
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
    if (Boolean.FALSE.equals(status.daemonUp())) {
      // timesyncd went away during this scrape: what it said before is not its state now.
      failures.failure(String.join("; ", problems));
      return new CollectionResult(false, DaemonReport.empty(Daemon.TIMESYNCD, false));
    }
    TimesyncStatus statusValue = status.failed() ? null : status.value();
    TimedateProperties showValue = show.failed() ? null : show.value();
    if (problems.isEmpty()) {
      failures.success();
    } else {
      failures.failure(String.join("; ", problems));
    }
    return new CollectionResult(
        problems.isEmpty(),
        new DaemonReport(
            Daemon.TIMESYNCD,
            true,
            TimesyncdReportMapper.system(properties.value(), statusValue, showValue),
            TimesyncdReportMapper.sources(properties.value(), statusValue),
            List.of(),
            TimesyncdReportMapper.host(showValue)));
  }
}
