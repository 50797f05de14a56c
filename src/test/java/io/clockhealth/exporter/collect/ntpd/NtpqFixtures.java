package io.clockhealth.exporter.collect.ntpd;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Reads the ntpq corpus and ntpsec capture files copied into the test resources. */
final class NtpqFixtures {

  static final String CORPUS = "corpus/ntpq/";
  static final String CAPTURES = "captures/ntpsec/";

  /** The two corpus files that hold ntpq's error messages instead of data. */
  static final List<String> ERROR_FILES =
      List.of("insights-error-connection-refused.txt", "justatheory-freebsd-ntpq-p-timeout.txt");

  private NtpqFixtures() {}

  static String corpus(String name) {
    return read(CORPUS + name);
  }

  static String capture(String name) {
    return read(CAPTURES + name);
  }

  static String read(String resource) {
    try (InputStream in = NtpqFixtures.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file names in a resource directory, sorted. */
  static List<String> list(String directory) {
    try (Stream<Path> files = Files.list(directory(directory))) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every file under {@code corpus/} and {@code captures/} (all tools, not only ntpq), as resource
   * paths: the inputs the ntpq parsers must reject or parse.
   */
  static List<String> allResourceFiles() {
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
    URL url = NtpqFixtures.class.getClassLoader().getResource(directory);
    if (url == null) {
      throw new IllegalStateException("missing test resource directory " + directory);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
