package io.clockhealth.exporter.os;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The host's time zone name: the target of the {@code /etc/localtime} symlink after {@code
 * zoneinfo/} ({@code /usr/share/zoneinfo/Etc/UTC} is {@code Etc/UTC}), as timedatectl reads it;
 * where {@code /etc/localtime} is a copied file instead, Debian's {@code /etc/timezone}.
 */
public final class LocalTimeZone {

  static final String LOCALTIME = "localtime";
  static final String TIMEZONE = "timezone";
  private static final String ZONEINFO = "zoneinfo/";
  // posix/ holds the same zones as the top level; right/ counts leap seconds (a different zone).
  private static final String POSIX = "posix/";

  private LocalTimeZone() {}

  /** The zone name; empty where neither file names one. */
  public static Optional<String> name(Path etc) throws IOException {
    Path localtime = etc.resolve(LOCALTIME);
    if (Files.isSymbolicLink(localtime)) {
      String target = Files.readSymbolicLink(localtime).toString();
      int at = target.lastIndexOf(ZONEINFO);
      if (at >= 0) {
        String zone = target.substring(at + ZONEINFO.length());
        return Optional.of(zone.startsWith(POSIX) ? zone.substring(POSIX.length()) : zone);
      }
    }
    Path timezone = etc.resolve(TIMEZONE);
    if (Files.exists(timezone)) {
      List<String> lines = Files.readAllLines(timezone, StandardCharsets.UTF_8);
      String zone = lines.isEmpty() ? "" : lines.get(0).strip();
      if (!zone.isEmpty()) {
        return Optional.of(zone);
      }
    }
    return Optional.empty();
  }
}
