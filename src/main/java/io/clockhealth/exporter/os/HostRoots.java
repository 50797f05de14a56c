package io.clockhealth.exporter.os;

import java.nio.file.Path;

/**
 * Where the host's {@code /proc}, {@code /sys} and {@code /etc} are: the real ones, or a captured
 * tree in tests (and a host's trees mounted elsewhere, e.g. {@code /host/proc} in a container).
 */
public record HostRoots(Path proc, Path sys, Path etc) {

  public static final HostRoots SYSTEM =
      new HostRoots(Path.of("/proc"), Path.of("/sys"), Path.of("/etc"));

  /** {@code root/proc}, {@code root/sys} and {@code root/etc}. */
  public static HostRoots under(Path root) {
    return new HostRoots(root.resolve("proc"), root.resolve("sys"), root.resolve("etc"));
  }
}
