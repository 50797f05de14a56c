package io.clockhealth.exporter.collect.timesyncd;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits an {@code NTPMessage={ … }} value into its fields and converts them. */
final class NtpMessageReader {

  private static final List<String> FIELDS =
      List.of(
          "Leap",
          "Version",
          "Mode",
          "Stratum",
          "Precision",
          "RootDelay",
          "RootDispersion",
          "Reference",
          "OriginateTimestamp",
          "ReceiveTimestamp",
          "TransmitTimestamp",
          "DestinationTimestamp",
          "Ignored",
          "PacketCount",
          "Jitter");

  /*
   * A field starts at "Name=" at the start or after whitespace (", " normally, a bare " " in the
   * systemd < 250 "Ignored=no PacketCount=1"). Values never contain "Word=": they are numbers,
   * spans, a 4-character reference or dates like "Sat 2026-11-21 12:27:21 UTC".
   */
  private static final Pattern FIELD_START = Pattern.compile("(?:^|,?\\s+)([A-Za-z]+)=");

  private NtpMessageReader() {}

  static NtpMessage read(String value) {
    String text = value == null ? "" : value.strip();
    if (!text.startsWith("{") || !text.endsWith("}") || text.length() < 2) {
      throw new IllegalArgumentException("expected '{ Leap=…, … }', found '" + text + "'");
    }
    Map<String, String> fields = split(text.substring(1, text.length() - 1).strip());
    for (String name : FIELDS) {
      if (!fields.containsKey(name)) {
        throw new IllegalArgumentException("NTPMessage has no " + name + "= field");
      }
    }
    int leap = convert(fields, "Leap", SystemdValues::integer);
    if (leap < 0 || leap > 3) {
      throw new IllegalArgumentException("leap indicator " + leap + " is not 0-3");
    }
    String reference = Objects.requireNonNull(fields.get("Reference"), "every field is present");
    return new NtpMessage(
        leap,
        convert(fields, "Version", SystemdValues::integer),
        convert(fields, "Mode", SystemdValues::integer),
        convert(fields, "Stratum", SystemdValues::integer),
        convert(fields, "Precision", SystemdValues::integer),
        convert(fields, "RootDelay", SystemdTimeSpan::seconds),
        convert(fields, "RootDispersion", SystemdTimeSpan::seconds),
        reference.isEmpty() ? null : reference,
        convert(fields, "OriginateTimestamp", SystemdTimestamp::parse),
        convert(fields, "ReceiveTimestamp", SystemdTimestamp::parse),
        convert(fields, "TransmitTimestamp", SystemdTimestamp::parse),
        convert(fields, "DestinationTimestamp", SystemdTimestamp::parse),
        required(convert(fields, "Ignored", SystemdValues::yesNo), "Ignored"),
        convert(fields, "PacketCount", SystemdValues::count),
        convert(fields, "Jitter", SystemdTimeSpan::seconds));
  }

  /** Field name → value; names outside {@link #FIELDS} (a newer systemd's) are kept, unused. */
  private static Map<String, String> split(String inner) {
    Matcher m = FIELD_START.matcher(inner);
    Map<String, String> fields = new LinkedHashMap<>();
    String name = null;
    int valueStart = 0;
    while (m.find()) {
      if (name == null && m.start() != 0) {
        throw new IllegalArgumentException(
            "NTPMessage does not start with 'Name=': '" + inner + "'");
      }
      if (name != null) {
        put(fields, name, inner.substring(valueStart, m.start()));
      }
      name = m.group(1);
      valueStart = m.end();
    }
    if (name == null) {
      throw new IllegalArgumentException("NTPMessage has no fields: '" + inner + "'");
    }
    put(fields, name, inner.substring(valueStart));
    return fields;
  }

  private static void put(Map<String, String> fields, String name, String value) {
    String cleaned = value.strip();
    if (cleaned.endsWith(",")) {
      cleaned = cleaned.substring(0, cleaned.length() - 1).strip();
    }
    if (fields.putIfAbsent(name, cleaned) != null) {
      throw new IllegalArgumentException("NTPMessage repeats " + name + "=");
    }
  }

  private static <T> T convert(Map<String, String> fields, String name, Function<String, T> how) {
    try {
      return how.apply(fields.get(name));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("NTPMessage " + name + "=: " + e.getMessage(), e);
    }
  }

  private static <T> T required(T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException("NTPMessage " + name + "= is empty");
    }
    return value;
  }
}
