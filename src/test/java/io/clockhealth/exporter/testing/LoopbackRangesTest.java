package io.clockhealth.exporter.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LoopbackRangesTest {

  private static final Path TEST_SOURCES = TestDaemons.repoRoot().resolve("src/test/java");
  private static final Pattern USE = Pattern.compile("LoopbackRanges\\.([A-Z][A-Z0-9_]+)\\b");

  /**
   * An address as something binds or dials it: after a quote, a space, a parenthesis or {@code =},
   * before a quote, a colon or a space; not one inside captured tool output such as {@code
   * "7F000017,127.0.0.23,11,…"}.
   */
  private static final Pattern LITERAL_ADDRESS =
      Pattern.compile("(?<=[\\s\"(=]|^)127\\.0\\.0\\.(\\d+)(?=[\":\\s]|$)");

  /** A port of the registry's span (12100–12399) spelt as a number in code or a config line. */
  private static final Pattern LITERAL_PORT =
      Pattern.compile("(?<=[\\s\"(=:]|^)12[1-3]\\d\\d(?![\\d.])");

  private static final Pattern ASSIGNMENT = Pattern.compile("^([A-Z_][A-Z0-9_]*)=(\\S+)");

  @Test
  void noTwoRangesShareAnAddressOrAPort() {
    LoopbackRanges[] all = LoopbackRanges.values();
    for (LoopbackRanges r : all) {
      assertThat(r.firstOctet()).as(r.toString()).isGreaterThanOrEqualTo(2);
      assertThat(r.firstOctet() + LoopbackRanges.COUNT - 1).as(r.toString()).isLessThan(255);
      assertThat(r.port(LoopbackRanges.COUNT - 1)).as(r.toString()).isLessThan(32768);
    }
    for (int i = 0; i < all.length; i++) {
      for (int j = i + 1; j < all.length; j++) {
        LoopbackRanges a = all[i];
        LoopbackRanges b = all[j];
        assertThat(overlap(a.firstOctet(), b.firstOctet()))
            .as("addresses of %s and %s", a, b)
            .isFalse();
        assertThat(overlap(a.port(0), b.port(0))).as("ports of %s and %s", a, b).isFalse();
        assertThat(a.owner()).as("owner of %s and %s", a, b).isNotEqualTo(b.owner());
      }
    }
  }

  @Test
  void everyJavaOwnerExistsAndTakesItsAddressesFromItsOwnEntry() throws IOException {
    for (LoopbackRanges r : LoopbackRanges.values()) {
      if (r.ownedByScript()) {
        assertThat(TestDaemons.repoRoot().resolve(r.owner())).as(r.toString()).isRegularFile();
        continue;
      }
      assertThat(LoopbackRanges.of(load(r.owner()))).isSameAs(r);
      assertThat(read(sourceOf(r.owner()))).as(r.owner()).contains("LoopbackRanges." + r.name());
    }
    for (Path f : javaSources()) {
      String cls = className(f);
      if (cls.endsWith(".LoopbackRanges") || cls.endsWith(".LoopbackRangesTest")) {
        continue;
      }
      Matcher m = USE.matcher(read(f));
      while (m.find()) {
        if (m.group(1).equals("COUNT") || m.group(1).equals("PORT_BASE")) {
          continue;
        }
        LoopbackRanges used = LoopbackRanges.valueOf(m.group(1));
        assertThat(used.owner()).as(f + " uses the range of another owner").isEqualTo(cls);
      }
    }
  }

  @Test
  void noIntegrationTestSpellsOutALoopbackAddressOrAFixedPort() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path f : javaSources()) {
      if (!f.getFileName().toString().endsWith("IT.java")) {
        continue;
      }
      List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        String code = lines.get(i).strip();
        if (code.startsWith("*") || code.startsWith("/*") || code.startsWith("//")) {
          continue;
        }
        int comment = code.indexOf("//");
        if (comment >= 0) {
          code = code.substring(0, comment);
        }
        Matcher a = LITERAL_ADDRESS.matcher(code);
        while (a.find()) {
          int octet = Integer.parseInt(a.group(1));
          if (octet != 0 && octet != 1) {
            found.add(f.getFileName() + ":" + (i + 1) + ": " + code);
          }
        }
        if (LITERAL_PORT.matcher(code).find()) {
          found.add(f.getFileName() + ":" + (i + 1) + ": " + code);
        }
      }
    }
    assertThat(found).as("take addresses and ports from LoopbackRanges").isEmpty();
  }

  @Test
  void testContainerShellScriptUsesItsEntry() {
    LoopbackRanges r = LoopbackRanges.TEST_CONTAINER_SH;
    Map<String, String> vars = scriptVariables(r);
    assertThat(vars.get("ADDR")).isEqualTo(r.address(0));
    assertThat(vars.get("CMDPORT")).isEqualTo(Integer.toString(r.port(0)));
    assertThat(vars.get("HTTPPORT")).isEqualTo(Integer.toString(r.port(1)));
    assertThat(vars.get("TLSPORT")).isEqualTo(Integer.toString(r.port(2)));
  }

  @Test
  void benchHttpShellScriptUsesItsEntry() {
    LoopbackRanges r = LoopbackRanges.BENCH_HTTP_SH;
    Map<String, String> vars = scriptVariables(r);
    assertThat(vars.get("SERVER_ADDR")).isEqualTo(r.address(0));
    assertThat(vars.get("SERVER_PORT")).isEqualTo(Integer.toString(r.port(0)));
    assertThat(vars.get("EXPORTER_PORT")).isEqualTo(Integer.toString(r.port(1)));
    assertThat(vars.get("NODE_PORT")).isEqualTo(Integer.toString(r.port(2)));
  }

  /** NAME=value lines at the start of a line (no quoting in these), after checking the comment. */
  @Test
  void benchProbeShellScriptUsesItsEntry() {
    LoopbackRanges r = LoopbackRanges.BENCH_PROBE_SH;
    Map<String, String> vars = scriptVariables(r);
    assertThat(vars.get("SERVER_ADDR")).isEqualTo(r.address(0));
    assertThat(vars.get("EXPORTER_PORT")).isEqualTo(Integer.toString(r.port(1)));
  }

  private static Map<String, String> scriptVariables(LoopbackRanges r) {
    String text = read(TestDaemons.repoRoot().resolve(r.owner()));
    assertThat(text)
        .as(r.owner() + " names its registry entry in a comment")
        .contains("LoopbackRanges." + r.name());
    Map<String, String> vars = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      Matcher m = ASSIGNMENT.matcher(line);
      if (m.find()) {
        vars.putIfAbsent(m.group(1), m.group(2));
      }
    }
    return vars;
  }

  private static boolean overlap(int a, int b) {
    return Math.abs(a - b) < LoopbackRanges.COUNT;
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("LoopbackRanges owner " + name + " does not exist", e);
    }
  }

  private static Path sourceOf(String className) {
    return TEST_SOURCES.resolve(className.replace('.', '/') + ".java");
  }

  private static String className(Path source) {
    String rel = TEST_SOURCES.relativize(source).toString();
    return rel.substring(0, rel.length() - ".java".length()).replace('/', '.');
  }

  private static List<Path> javaSources() throws IOException {
    try (Stream<Path> s = Files.walk(TEST_SOURCES)) {
      return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError("cannot read " + p, e);
    }
  }
}
