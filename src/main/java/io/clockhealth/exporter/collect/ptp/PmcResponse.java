package io.clockhealth.exporter.collect.ptp;

import io.clockhealth.exporter.parse.Line;
import io.clockhealth.exporter.parse.ParseException;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One reply block of pmc: the header line ({@code <clock identity>-<port> seq N RESPONSE MANAGEMENT
 * ID}) and its {@code key value} lines. Clock-wide data sets come from port 0; port data sets print
 * one block per port.
 *
 * @param format names the parser in its errors
 * @param header the header line, which every error about a field names
 * @param error the error pmc printed instead of the data set ({@code MANAGEMENT_ERROR_STATUS}),
 *     {@code null} for data
 */
record PmcResponse(
    String format,
    Line header,
    String portIdentity,
    String managementId,
    Map<String, String> fields,
    @Nullable String error) {

  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,19}");
  private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d{1,18}(\\.\\d+)?");
  private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]{1,8}");

  PmcResponse {
    fields = Map.copyOf(fields);
  }

  /** The port number of {@link #portIdentity}: 0 for the clock itself. */
  String portNumber() {
    return portIdentity.substring(portIdentity.lastIndexOf('-') + 1);
  }

  String text(String key) throws ParseException {
    String value = fields.get(key);
    if (value == null || value.isEmpty()) {
      throw ParseException.malformed(
          format, header.number(), header.text(), managementId + " without " + key);
    }
    return value;
  }

  long integer(String key) throws ParseException {
    String value = text(key);
    if (!INTEGER.matcher(value).matches()) {
      throw invalid(key, value);
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw invalid(key, value); // beyond int64
    }
  }

  double decimal(String key) throws ParseException {
    String value = text(key);
    if (!DECIMAL.matcher(value).matches()) {
      throw invalid(key, value);
    }
    return Double.parseDouble(value);
  }

  /** A hexadecimal field such as {@code clockAccuracy 0xfe}, as printed. */
  String hex(String key) throws ParseException {
    String value = text(key);
    if (!HEX.matcher(value).matches()) {
      throw invalid(key, value);
    }
    return value.toLowerCase(java.util.Locale.ROOT);
  }

  /** A flag pmc prints as {@code 0}/{@code 1} or {@code false}/{@code true}. */
  boolean flag(String key) throws ParseException {
    String value = text(key);
    return switch (value) {
      case "1", "true" -> true;
      case "0", "false" -> false;
      default -> throw invalid(key, value);
    };
  }

  private ParseException invalid(String key, String value) {
    return ParseException.malformed(
        format,
        header.number(),
        header.text(),
        managementId + " " + key + " is not a valid value: \"" + value + "\"");
  }
}
