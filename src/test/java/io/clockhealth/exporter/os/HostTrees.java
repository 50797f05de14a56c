package io.clockhealth.exporter.os;

import io.clockhealth.exporter.parse.FixtureFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The host trees of src/test/resources/host/NAME ({@code proc}, {@code sys}, {@code etc}, and a
 * {@code tree.txt} that says where each came from), copied into a test's directory with the
 * symbolic links {@code tree.txt} lists ({@code link PATH TARGET}) made there: a link in the
 * resources would be followed by Maven's copy into target/test-classes.
 */
public final class HostTrees {

  private HostTrees() {}

  /** The tree NAME under {@code dir}, as the roots a host collector reads. */
  public static HostRoots copy(String name, Path dir) {
    Path source = FixtureFiles.path("host/" + name);
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path target = dir.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else if (!file.getFileName().toString().equals(".keep")) {
          Files.copy(file, target);
        }
      }
      for (String line : Files.readAllLines(source.resolve("tree.txt"), StandardCharsets.UTF_8)) {
        if (line.startsWith("link ")) {
          String[] parts = line.split(" ");
          Path link = dir.resolve(parts[1]);
          Files.createDirectories(link.getParent());
          Files.createSymbolicLink(link, Path.of(parts[2]));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return HostRoots.under(dir);
  }
}
