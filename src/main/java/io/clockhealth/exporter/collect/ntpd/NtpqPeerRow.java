package io.clockhealth.exporter.collect.ntpd;

/**
 * The columns of one peers row once the tally and the remote column have been cut off by position:
 * {@code refid st t when poll reach delay offset jitter}. None of these can contain a space (refids
 * are addresses or dotted codes, the rest are numbers and single letters), so they are separated by
 * whitespace; only the remote column needs the header's positions.
 */
final class NtpqPeerRow {

  /** The selection codes ntpq prints in column 0 (classic ntpd and ntpsec alike). */
  static final String TALLY_CODES = " x.-+#*o";

  private static final int COLUMNS = 9;
  private static final int MAX_STRATUM = 255;

  private NtpqPeerRow() {}

  /**
   * @throws IllegalArgumentException naming the column that does not hold what ntpq prints there
   */
  static NtpqPeer parse(char tally, String remote, String columns) {
    if (TALLY_CODES.indexOf(tally) < 0) {
      throw new IllegalArgumentException("unknown tally code '" + tally + "'");
    }
    String[] c = columns.strip().split("\\s+", -1);
    if (c.length != COLUMNS) {
      throw new IllegalArgumentException(
          "expected "
              + COLUMNS
              + " columns after the remote (refid st t when poll reach delay offset jitter),"
              + " found "
              + (columns.isBlank() ? 0 : c.length));
    }
    int stratum = NtpqValues.integer(c[1]);
    if (stratum < 0 || stratum > MAX_STRATUM) {
      throw new IllegalArgumentException("stratum out of range: " + stratum);
    }
    if (c[2].length() != 1) {
      throw new IllegalArgumentException("the t column is one character, found '" + c[2] + "'");
    }
    return new NtpqPeer(
        tally,
        remote,
        c[0],
        stratum,
        c[2].charAt(0),
        // "-": no packet received yet (ntpsec also for 0 s).
        c[3].equals("-") ? null : NtpqValues.intervalSeconds(c[3]),
        NtpqValues.intervalSeconds(c[4]),
        NtpqValues.octalReach(c[5]),
        NtpqValues.decimal(c[6]),
        NtpqValues.decimal(c[7]),
        NtpqValues.decimal(c[8]));
  }
}
