package io.clockhealth.exporter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On a real file system: the target is the old or the new file, and no temporary file stays. */
class AtomicFileTest {

  @TempDir Path dir;

  @Test
  void replacesTheTargetWithAFileOthersCanRead() throws IOException {
    Path target = dir.resolve("clock.prom");
    Files.writeString(target, "old 1\n");
    AtomicFile.replace(target, out -> out.write("new 2\n".getBytes(StandardCharsets.UTF_8)));
    assertThat(Files.readString(target)).isEqualTo("new 2\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
        .isEqualTo("rw-r--r--");
    assertThat(names()).containsExactly("clock.prom");
  }

  @Test
  void aWriteFailingHalfWayLeavesTheTargetAsItWas() throws IOException {
    Path target = dir.resolve("clock.prom");
    Files.writeString(target, "good 1\n");
    assertThatThrownBy(
            () ->
                AtomicFile.replace(
                    target,
                    out -> {
                      // More than any buffer: part of it is in the temporary file by now.
                      out.write(new byte[256 * 1024]);
                      throw new IOException("No space left on device");
                    }))
        .isInstanceOf(IOException.class)
        .hasMessage("No space left on device");
    assertThat(Files.readString(target)).isEqualTo("good 1\n");
    assertThat(names()).containsExactly("clock.prom");
  }

  @Test
  void aBugInTheContentLeavesNoTemporaryFileEither() throws IOException {
    Path target = dir.resolve("clock.prom");
    assertThatThrownBy(
            () ->
                AtomicFile.replace(
                    target,
                    out -> {
                      out.write('x');
                      throw new IllegalStateException("bug");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(names()).isEmpty();
  }

  @Test
  void aRenameOntoADirectoryFailsAndCleansUp() throws IOException {
    Path target = Files.createDirectory(dir.resolve("clock.prom"));
    assertThatThrownBy(() -> AtomicFile.replace(target, out -> out.write('x')))
        .isInstanceOf(IOException.class);
    assertThat(Files.isDirectory(target)).isTrue();
    assertThat(names()).containsExactly("clock.prom");
  }

  private List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
