package io.clockhealth.exporter.config;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Where the host collector reads the host's {@code /proc}, {@code /sys} and {@code /etc}: as
 * node_exporter's {@code --path.procfs}, {@code --path.sysfs} and {@code --path.rootfs}, for a
 * host's trees mounted into a container ({@code /host/proc}, …).
 */
public record HostPaths(Path procfs, Path sysfs, Path rootfs) {

  public static final HostPaths DEFAULT =
      new HostPaths(Path.of("/proc"), Path.of("/sys"), Path.of("/"));

  /** The flags as given; {@code null} = not given. */
  public record Flags(@Nullable String procfs, @Nullable String sysfs, @Nullable String rootfs) {
    public static final Flags NONE = new Flags(null, null, null);
  }

  public Path etc() {
    return rootfs.resolve("etc");
  }

  /** The defaults, with each given flag's directory instead; one that is not a directory fails. */
  static HostPaths resolve(Flags flags) throws ConfigException {
    return new HostPaths(
        directory("--path.procfs", flags.procfs(), DEFAULT.procfs()),
        directory("--path.sysfs", flags.sysfs(), DEFAULT.sysfs()),
        directory("--path.rootfs", flags.rootfs(), DEFAULT.rootfs()));
  }

  /** A default that does not exist is not an error: that part of the host is then not exported. */
  private static Path directory(String flag, @Nullable String given, Path fallback)
      throws ConfigException {
    if (given == null) {
      return fallback;
    }
    Path path = Path.of(given);
    if (!Files.isDirectory(path)) {
      throw new ConfigException(flag + ": " + given + " is not a directory");
    }
    return path;
  }
}
