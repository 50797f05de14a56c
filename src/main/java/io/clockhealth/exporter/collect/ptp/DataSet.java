package io.clockhealth.exporter.collect.ptp;

import io.clockhealth.exporter.parse.ParseException;
import java.util.List;

/**
 * A management ID the collector asks ptp4l for, and how its reply blocks (one, or one per port)
 * become its value.
 */
record DataSet<T>(String managementId, DataSet.Reader<T> reader) {

  /** Reads the reply blocks of one management ID. */
  @FunctionalInterface
  interface Reader<T> {
    T read(List<PmcResponse> replies) throws ParseException;
  }

  /** Reads the one reply block of a clock-wide data set. */
  @FunctionalInterface
  interface OneReply<T> {
    T read(PmcResponse reply) throws ParseException;
  }

  /** A data set of the whole clock: pmc prints one reply block. */
  static <T> DataSet<T> clockWide(String managementId, OneReply<T> reader) {
    return new DataSet<>(managementId, replies -> reader.read(replies.get(0)));
  }

  /** A data set of each port: pmc prints a reply block per port. */
  static <T> DataSet<T> perPort(String managementId, Reader<T> reader) {
    return new DataSet<>(managementId, reader);
  }

  T read(List<PmcResponse> replies) throws ParseException {
    return reader.read(replies);
  }
}
