package io.clockhealth.exporter.testing;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A network namespace created (and deleted) by a test: {@code che-<tag>-<JVM pid>}, so that two
 * test JVMs on one machine never share one and leftovers name their owner.
 *
 * <p>Namespaces are linked to each other by veth pairs whose two ends live in namespaces ({@link
 * #veth}); nothing is ever added to the root namespace, and no namespace gets a default route: a
 * daemon inside can only reach the addresses of the pair. {@link #close} (and a JVM shutdown hook)
 * deletes the namespace, which also deletes its veth ends. Daemons inside must be stopped first: a
 * namespace with processes in it lives on (unnamed) until they exit.
 */
public final class NetNs implements AutoCloseable {

  private static final Duration IP_TIMEOUT = Duration.ofSeconds(10);
  private static final Path NETNS_DIR = Path.of("/run/netns");
  private static final Set<NetNs> CREATED = Collections.synchronizedSet(new LinkedHashSet<>());

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  List<NetNs> left;
                  synchronized (CREATED) {
                    left = new ArrayList<>(CREATED);
                  }
                  left.forEach(NetNs::close);
                },
                "netns-cleanup"));
  }

  private final String name;
  private boolean deleted;

  private NetNs(String name) {
    this.name = name;
  }

  /**
   * Creates {@code che-<tag>-<pid>} with its loopback up.
   *
   * @param tag 1–8 lower-case letters or digits, unique within the test JVM
   */
  public static NetNs create(String tag) {
    if (!tag.matches("[a-z0-9]{1,8}")) {
      throw new IllegalArgumentException("bad netns tag: " + tag);
    }
    String name = "che-" + tag + "-" + ProcessHandle.current().pid();
    if (Files.exists(NETNS_DIR.resolve(name))) {
      throw new IllegalStateException(
          "network namespace " + name + " already exists (left by an earlier run of this JVM?)");
    }
    runIp("netns", "add", name);
    NetNs ns = new NetNs(name);
    CREATED.add(ns);
    try {
      ns.ip("link", "set", "lo", "up");
    } catch (RuntimeException | Error e) {
      ns.close();
      throw e;
    }
    return ns;
  }

  /**
   * A veth pair from {@code a} to {@code b}, both ends up: {@code ifA} in {@code a} with address
   * {@code addrA}, {@code ifB} in {@code b} with {@code addrsB} (CIDR notation, e.g. {@code
   * 10.240.0.1/24}). The kernel creates each end directly in its namespace, so interface names need
   * only be unique within a namespace.
   */
  public static void veth(
      NetNs a, String ifA, String addrA, NetNs b, String ifB, String... addrsB) {
    runIp(
        "link", "add", ifA, "netns", a.name, "type", "veth", "peer", "name", ifB, "netns", b.name);
    a.ip("addr", "add", addrA, "dev", ifA);
    for (String addr : addrsB) {
      b.ip("addr", "add", addr, "dev", ifB);
    }
    a.ip("link", "set", ifA, "up");
    b.ip("link", "set", ifB, "up");
  }

  public String name() {
    return name;
  }

  /** {@code ip -n <name> <args>}; fails unless it exits 0. Returns the output. */
  public String ip(String... args) {
    List<String> a = new ArrayList<>(List.of("-n", name));
    a.addAll(Arrays.asList(args));
    return runIp(a.toArray(String[]::new));
  }

  /** The command prefix that runs a program inside: {@code ip netns exec <name>}. */
  public List<String> execPrefix() {
    return List.of("ip", "netns", "exec", name);
  }

  /** {@code ip netns exec <name> <command>} with a timeout (not checked for success). */
  public Exec.Result exec(Duration timeout, Map<String, String> env, List<String> command) {
    List<String> cmd = new ArrayList<>(execPrefix());
    cmd.addAll(command);
    return Exec.run(timeout, env, cmd);
  }

  /** Every IPv4 and IPv6 route of the namespace, one per line. */
  public String routes() {
    return ip("-4", "route", "show", "table", "all") + ip("-6", "route", "show", "table", "all");
  }

  /** Whether a default route exists (IPv4 or IPv6): then a daemon inside could reach out. */
  public boolean hasDefaultRoute() {
    return !ip("-4", "route", "show", "default").isBlank()
        || !ip("-6", "route", "show", "default").isBlank();
  }

  /** The inode of the namespace ({@code /run/netns/<name>}), as in {@code /proc/PID/ns/net}. */
  public long inode() {
    try {
      return ((Number) Files.getAttribute(NETNS_DIR.resolve(name), "unix:ino")).longValue();
    } catch (IOException e) {
      throw new UncheckedIOException("network namespace " + name + " is gone", e);
    }
  }

  /** The C calls that enter a namespace: for {@link #datagramSocket} only. */
  private interface NsCalls extends Library {
    int O_RDONLY_CLOEXEC = 0x80000;
    int CLONE_NEWNET = 0x40000000;

    int open(String path, int flags);

    int setns(int fd, int nstype);

    int close(int fd);
  }

  /**
   * A UDP socket bound to {@code bind} inside this namespace, usable from any thread: a socket
   * stays in the namespace it was made in, so one short-lived thread enters the namespace ({@code
   * setns(2)} moves only the calling thread) and makes it. This is how a test in the root namespace
   * talks to a daemon inside without a veth end in the root namespace.
   */
  public DatagramSocket datagramSocket(InetSocketAddress bind) {
    NsCalls libc = Native.load("c", NsCalls.class);
    AtomicReference<Object> made = new AtomicReference<>();
    Thread maker =
        new Thread(
            () -> {
              try {
                int fd = libc.open(NETNS_DIR.resolve(name).toString(), NsCalls.O_RDONLY_CLOEXEC);
                if (fd < 0) {
                  throw new IllegalStateException(
                      "open " + name + ": errno " + Native.getLastError());
                }
                int entered = libc.setns(fd, NsCalls.CLONE_NEWNET);
                int errno = Native.getLastError();
                libc.close(fd);
                if (entered != 0) {
                  throw new IllegalStateException("setns " + name + ": errno " + errno);
                }
                made.set(new DatagramSocket(bind));
              } catch (IOException | RuntimeException e) {
                made.set(e);
              }
            },
            "netns-socket-" + name);
    maker.start();
    try {
      maker.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted making a socket in " + name, e);
    }
    Object result = made.get();
    if (result instanceof DatagramSocket socket) {
      return socket;
    }
    throw new IllegalStateException("cannot bind " + bind + " in " + name, (Throwable) result);
  }

  public boolean exists() {
    return Files.exists(NETNS_DIR.resolve(name));
  }

  /** {@code ip netns del}: idempotent; only ever for a namespace this class created. */
  @Override
  public synchronized void close() {
    CREATED.remove(this);
    if (deleted) {
      return;
    }
    deleted = true;
    if (!name.startsWith("che-") || !exists()) {
      return;
    }
    Exec.Result r = Exec.run(IP_TIMEOUT, Map.of(), List.of("ip", "netns", "del", name));
    if (!r.ok()) {
      throw new IllegalStateException("cannot delete network namespace " + name + ": " + r);
    }
  }

  @Override
  public String toString() {
    return name;
  }

  /** The names of all {@code che-*} namespaces on this machine (for leak checks). */
  public static List<String> listOurs() {
    if (!Files.isDirectory(NETNS_DIR)) {
      return List.of();
    }
    try (var s = Files.list(NETNS_DIR)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("che-")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String runIp(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add("ip");
    cmd.addAll(Arrays.asList(args));
    Exec.Result r = Exec.run(IP_TIMEOUT, Map.of(), cmd);
    if (!r.ok()) {
      throw new IllegalStateException("ip failed: " + r);
    }
    return r.output();
  }
}
