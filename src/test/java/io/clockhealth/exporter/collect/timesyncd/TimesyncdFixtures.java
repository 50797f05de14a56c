package io.clockhealth.exporter.collect.timesyncd;

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

/** Reads the timedatectl corpus and the timesyncd captures copied into the test resources. */
final class TimesyncdFixtures {

  static final String CORPUS = "corpus/timedatectl/";
  static final String CAPTURES = "captures/timesyncd/";

  private TimesyncdFixtures() {}

  static String corpus(String name) {
    return read(CORPUS + name);
  }

  static String capture(String name) {
    return read(CAPTURES + name);
  }

  static String read(String resource) {
    try (InputStream in = TimesyncdFixtures.class.getClassLoader().getResourceAsStream(resource)) {
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
    URL url = TimesyncdFixtures.class.getClassLoader().getResource(directory);
    if (url == null) {
      throw new IllegalStateException("missing test resource directory " + directory);
    }
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every corpus and capture file, as resource paths. */
  static Stream<String> allFiles() {
    return Stream.concat(
        list(CORPUS).stream().map(n -> CORPUS + n), list(CAPTURES).stream().map(n -> CAPTURES + n));
  }
}
