package io.clockhealth.exporter.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Code comments point to documents in the repository (docs/metrics.md, the README, {@code --help}),
 * never to the design notes the project started from, which are not part of it.
 */
class CommentReferencesTest {

  /** The design notes' file name, or a section sign (they were cited as "DESIGN" + sign + N). */
  private static final Pattern OUTSIDE = Pattern.compile("DESIGN\\.md|DESIGN\\s*\u00a7|\u00a7");

  @Test
  void noCommentInSrcNamesTheDesignNotes() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (Comment c : comments(String.join("\n", lines))) {
          if (OUTSIDE.matcher(c.text()).find()) {
            found.add(
                file + ":" + c.line() + ": " + c.text().strip().lines().findFirst().orElse(""));
          }
        }
      }
    }
    assertThat(found).as("comments naming a file outside the repository").isEmpty();
  }

  @Test
  void scriptsAndDeployDoNotNameTheDesignNotes() throws IOException {
    List<String> found = new ArrayList<>();
    for (String dir : List.of("scripts", "deploy")) {
      try (Stream<Path> files = Files.walk(Path.of(dir))) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          String text = read(file);
          if (OUTSIDE.matcher(text).find()) {
            found.add(file.toString());
          }
        }
      }
    }
    assertThat(found).isEmpty();
  }

  @Test
  void theScannerFindsCommentsButNotStrings() {
    String source =
        "class A { String s = \"// DESIGN.md\"; /* block\n \u00a73 */ int x; // DESIGN.md\n"
            + " String t = \"\"\"\n /* no */ \"\"\"; char c = '\"'; }";
    List<Comment> comments = comments(source);
    assertThat(comments).extracting(Comment::line).containsExactly(1, 2);
    assertThat(comments.get(0).text()).contains("\u00a73");
    assertThat(comments.get(1).text()).isEqualTo(" DESIGN.md");
  }

  record Comment(int line, String text) {}

  /** The comments of a Java source, skipping string, text block and char literals. */
  static List<Comment> comments(String s) {
    List<Comment> out = new ArrayList<>();
    int line = 1;
    int i = 0;
    while (i < s.length()) {
      char ch = s.charAt(i);
      if (ch == '\n') {
        line++;
        i++;
      } else if (s.startsWith("//", i)) {
        int end = s.indexOf('\n', i);
        end = end < 0 ? s.length() : end;
        out.add(new Comment(line, s.substring(i + 2, end)));
        i = end;
      } else if (s.startsWith("/*", i)) {
        int end = s.indexOf("*/", i + 2);
        end = end < 0 ? s.length() : end;
        String text = s.substring(i + 2, end);
        out.add(new Comment(line, text));
        line += (int) text.chars().filter(c -> c == '\n').count();
        i = Math.min(s.length(), end + 2);
      } else if (s.startsWith("\"\"\"", i)) {
        int end = s.indexOf("\"\"\"", i + 3);
        end = end < 0 ? s.length() : end;
        line += (int) s.substring(i, end).chars().filter(c -> c == '\n').count();
        i = Math.min(s.length(), end + 3);
      } else if (ch == '"' || ch == '\'') {
        i++;
        while (i < s.length() && s.charAt(i) != ch && s.charAt(i) != '\n') {
          i += s.charAt(i) == '\\' ? 2 : 1;
        }
        i++;
      } else {
        i++;
      }
    }
    return out;
  }

  private static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)
          .replace("\u00c2\u00a7", "\u00a7");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
