package io.clockhealth.exporter.cli;

import io.clockhealth.exporter.collect.chrony.ChronyFormats;
import io.clockhealth.exporter.collect.ntpd.NtpdFormats;
import io.clockhealth.exporter.collect.ptp.PtpFormats;
import io.clockhealth.exporter.collect.timesyncd.TimesyncdFormats;
import io.clockhealth.exporter.parse.FormatRegistry;
import io.clockhealth.exporter.parse.OutputFormat;
import java.util.ArrayList;
import java.util.List;

/** Assembles the format registry from every daemon package's formats. */
public final class Formats {

  private Formats() {}

  public static FormatRegistry registry() {
    List<OutputFormat> formats = new ArrayList<>(ChronyFormats.all());
    formats.addAll(NtpdFormats.all());
    formats.addAll(TimesyncdFormats.all());
    formats.addAll(PtpFormats.all());
    return new FormatRegistry(formats);
  }
}
