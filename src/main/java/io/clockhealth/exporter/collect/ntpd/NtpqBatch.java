package io.clockhealth.exporter.collect.ntpd;

import java.util.List;

/**
 * The output of one {@code ntpq -c rv -p} split back into each command's own output.
 *
 * <p>ntpq runs the commands in order and goes on after a failure; its data goes to stdout and its
 * error messages to stderr. On stdout {@code rv} prints {@code name=value} lists, so its output
 * ends at the first line without {@code =}: the peers header, or whatever else the peers command
 * printed, for the peers parser to name. The error messages cannot be placed by position: they
 * belong to {@code rv} when {@code rv} printed nothing (ntpd not answering fails both, with the
 * same words), else to the peers command ({@code No association IDs returned} for an ntpd without
 * sources).
 *
 * @param rv what {@code rv} printed, with the errors if it printed nothing
 * @param peers what the peers command printed, with the errors otherwise
 */
record NtpqBatch(String rv, String peers) {

  static NtpqBatch split(String stdout, String stderr) {
    List<String> lines = stdout.lines().toList();
    int header = 0;
    while (header < lines.size()
        && !NtpdFormats.PEERS.recognises(lines.get(header))
        && (lines.get(header).isBlank() || lines.get(header).contains("="))) {
      header++;
    }
    String rv = joined(lines.subList(0, header));
    String peers = joined(lines.subList(header, lines.size()));
    if (rv.isBlank()) {
      return new NtpqBatch(rv + stderr, peers);
    }
    return new NtpqBatch(rv, peers + stderr);
  }

  private static String joined(List<String> lines) {
    return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
  }
}
