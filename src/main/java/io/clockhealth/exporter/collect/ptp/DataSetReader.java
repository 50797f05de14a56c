package io.clockhealth.exporter.collect.ptp;

import io.clockhealth.exporter.parse.ParseException;
import java.util.List;

/** Reads one management ID's reply blocks (one, or one per port) into its value. */
@FunctionalInterface
interface DataSetReader<T> {

  T read(List<PmcResponse> replies) throws ParseException;
}
