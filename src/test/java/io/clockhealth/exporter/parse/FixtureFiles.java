package io.clockhealth.exporter.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the corpus and capture files copied into the test resources ({@code corpus/<tool>/}, {@code
 * captures/<daemon>/}): the one loader behind every daemon's parser tests.
 */
public final class FixtureFiles {

  private FixtureFiles() {}

  /** The text of a resource file, as UTF-8. */
  public static String read(String resource) {
    try (InputStream in = FixtureFiles.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The file of a resource (under target/test-classes), for a test that hands a path to a process
   * or the CLI.
   */
  public static Path path(String resource) {
    return directory(resource);
  }

  /** The file names in a resource directory, sorted. */
  public static List<String> list(String directory) {
    try (Stream<Path> files = Files.list(directory(directory))) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The files of each directory in turn (each sorted), as resource paths: {@code resources(CORPUS,
   * CAPTURES)} is every corpus and capture file of one tool.
   */
  public static Stream<String> resources(String... directories) {
    return Arrays.stream(directories)
        .flatMap(directory -> list(directory).stream().map(name -> directory + name));
  }

  /**
   * Every file under {@code corpus/} and {@code captures/} (all tools), as resource paths: the
   * inputs a parser must either parse or reject.
   */
  public static List<String> allResourceFiles() {
    return Stream.of("corpus", "captures")
        .flatMap(
            root -> {
              try (Stream<Path> tree = Files.walk(directory(root))) {
                Path base = directory(root).getParent();
                return tree
                    .filter(Files::isRegularFile)
                    .map(p -> base.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList()
                    .stream();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .toList();
  }

  private static Path directory(String directory) {
    URL url = FixtureFiles.class.getClassLoader().getResource(directory);
    if (url == null) {
      throw new IllegalStateException("missing test resource " + directory);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
