package io.clockhealth.exporter.cli;

import io.clockhealth.exporter.collect.BuildInfo;
import picocli.CommandLine;

/** {@code --version}: the version and revision the build recorded. */
final class VersionProvider implements CommandLine.IVersionProvider {

  @Override
  public String[] getVersion() {
    BuildInfo info = BuildInfo.load();
    return new String[] {
      "clock-health-exporter " + info.version() + " (revision " + info.revision() + ")"
    };
  }
}
