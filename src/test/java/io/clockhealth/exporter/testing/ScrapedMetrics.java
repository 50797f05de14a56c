package io.clockhealth.exporter.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A small, strict parser of the Prometheus text exposition format 0.0.4, for assertions on what the
 * exporter serves. Malformed lines and duplicate series are errors (they would break a real
 * Prometheus scrape too).
 *
 * <p>Label arguments are name/value pairs and match as a subset: {@code value("clock_stratum",
 * "daemon", "chrony")} finds the one series of {@code clock_stratum} whose {@code daemon} label is
 * {@code chrony}; more than one match is an error.
 */
public final class ScrapedMetrics {

  /** One series: metric name, labels (in the order served) and value. */
  public record Sample(String name, Map<String, String> labels, double value) {
    @Override
    public String toString() {
      return name
          + labels.entrySet().stream()
              .map(e -> e.getKey() + "=\"" + e.getValue() + "\"")
              .collect(Collectors.joining(",", "{", "}"))
          + " "
          + value;
    }
  }

  private final String text;
  private final Duration elapsed;
  private final List<Sample> samples;
  private final Map<String, String> types;

  private ScrapedMetrics(
      String text, Duration elapsed, List<Sample> samples, Map<String, String> types) {
    this.text = text;
    this.elapsed = elapsed;
    this.samples = samples;
    this.types = types;
  }

  public static ScrapedMetrics parse(String text) {
    return parse(text, Duration.ZERO);
  }

  /**
   * Parses an exposition as one scrape returned it.
   *
   * @param elapsed how long the HTTP request took (kept for assertions)
   */
  public static ScrapedMetrics parse(String text, Duration elapsed) {
    List<Sample> samples = new ArrayList<>();
    Map<String, String> types = new HashMap<>();
    Set<String> seen = new LinkedHashSet<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      try {
        if (line.startsWith("#")) {
          String[] f = line.split("[ \t]+", 4);
          if (f.length >= 4 && f[1].equals("TYPE")) {
            types.put(f[2], f[3].trim());
          }
          continue;
        }
        Sample s = parseSample(line);
        if (!seen.add(key(s.name(), s.labels()))) {
          throw new IllegalArgumentException("duplicate series");
        }
        samples.add(s);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "bad exposition line " + (i + 1) + ": " + line + " (" + e.getMessage() + ")", e);
      }
    }
    return new ScrapedMetrics(
        text, elapsed, Collections.unmodifiableList(samples), Collections.unmodifiableMap(types));
  }

  private static String key(String name, Map<String, String> labels) {
    return name + new java.util.TreeMap<>(labels);
  }

  private static Sample parseSample(String line) {
    int i = 0;
    int n = line.length();
    while (i < n && isNameChar(line.charAt(i), i == 0)) {
      i++;
    }
    if (i == 0) {
      throw new IllegalArgumentException("no metric name");
    }
    String name = line.substring(0, i);
    Map<String, String> labels = new LinkedHashMap<>();
    if (i < n && line.charAt(i) == '{') {
      i++;
      while (true) {
        i = skipSpaces(line, i);
        if (i < n && line.charAt(i) == '}') {
          i++;
          break;
        }
        int start = i;
        while (i < n && isNameChar(line.charAt(i), i == start)) {
          i++;
        }
        if (i == start) {
          throw new IllegalArgumentException("no label name at column " + (i + 1));
        }
        String label = line.substring(start, i);
        i = skipSpaces(line, i);
        expect(line, i++, '=');
        i = skipSpaces(line, i);
        expect(line, i++, '"');
        StringBuilder value = new StringBuilder();
        while (true) {
          if (i >= n) {
            throw new IllegalArgumentException("unterminated label value");
          }
          char c = line.charAt(i++);
          if (c == '"') {
            break;
          }
          if (c == '\\') {
            if (i >= n) {
              throw new IllegalArgumentException("dangling escape");
            }
            char e = line.charAt(i++);
            switch (e) {
              case '\\' -> value.append('\\');
              case '"' -> value.append('"');
              case 'n' -> value.append('\n');
              default -> throw new IllegalArgumentException("bad escape \\" + e);
            }
          } else {
            value.append(c);
          }
        }
        if (labels.put(label, value.toString()) != null) {
          throw new IllegalArgumentException("duplicate label " + label);
        }
        i = skipSpaces(line, i);
        if (i < n && line.charAt(i) == ',') {
          i++;
        } else if (i < n && line.charAt(i) == '}') {
          i++;
          break;
        } else {
          throw new IllegalArgumentException("expected , or } at column " + (i + 1));
        }
      }
    }
    if (i >= n || (line.charAt(i) != ' ' && line.charAt(i) != '\t')) {
      throw new IllegalArgumentException("expected a space before the value");
    }
    String[] rest = line.substring(i).trim().split("[ \t]+");
    if (rest.length < 1 || rest.length > 2) {
      throw new IllegalArgumentException("expected value [timestamp]");
    }
    if (rest.length == 2) {
      Long.parseLong(rest[1]);
    }
    return new Sample(name, Collections.unmodifiableMap(labels), parseValue(rest[0]));
  }

  private static double parseValue(String v) {
    return switch (v) {
      case "NaN" -> Double.NaN;
      case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(v);
    };
  }

  private static boolean isNameChar(char c, boolean first) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || c == '_'
        || c == ':'
        || (!first && c >= '0' && c <= '9');
  }

  private static int skipSpaces(String s, int i) {
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  private static void expect(String s, int i, char c) {
    if (i >= s.length() || s.charAt(i) != c) {
      throw new IllegalArgumentException("expected '" + c + "' at column " + (i + 1));
    }
  }

  // ---- queries ------------------------------------------------------------------------

  /** All series of one metric, in the order served. */
  public List<Sample> series(String name) {
    return samples.stream().filter(s -> s.name().equals(name)).toList();
  }

  /** The series of {@code name} whose labels include all given name/value pairs. */
  public List<Sample> matching(String name, String... labelPairs) {
    Map<String, String> want = pairs(labelPairs);
    return samples.stream()
        .filter(s -> s.name().equals(name))
        .filter(s -> want.entrySet().stream().allMatch(e -> matches(s.labels(), e)))
        .toList();
  }

  private static boolean matches(Map<String, String> labels, Map.Entry<String, String> want) {
    // An absent label equals "" in Prometheus.
    return Objects.equals(labels.getOrDefault(want.getKey(), ""), want.getValue());
  }

  /** The value of the one matching series; empty when none; an error when several match. */
  public OptionalDouble value(String name, String... labelPairs) {
    List<Sample> m = matching(name, labelPairs);
    if (m.size() > 1) {
      throw new AssertionError(
          "several series match " + describe(name, labelPairs) + ": " + m + "\n" + text);
    }
    return m.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(m.get(0).value());
  }

  /** {@code clock_source_state{daemon="chrony",source=…,state=…}}: 1 when that is its state. */
  public double chronySourceState(String source, String state) {
    return valueOf("clock_source_state", "daemon", "chrony", "source", source, "state", state);
  }

  /** The value of the one matching series; an AssertionError listing the metric when absent. */
  public double valueOf(String name, String... labelPairs) {
    OptionalDouble v = value(name, labelPairs);
    if (v.isEmpty()) {
      List<Sample> same = series(name);
      throw new AssertionError(
          "no series "
              + describe(name, labelPairs)
              + (same.isEmpty() ? " (metric absent)" : "; served: " + same)
              + "\n--- scrape ---\n"
              + text);
    }
    return v.getAsDouble();
  }

  public boolean has(String name, String... labelPairs) {
    return !matching(name, labelPairs).isEmpty();
  }

  /** Metric names present, in order of first appearance. */
  public Set<String> names() {
    return samples.stream().map(Sample::name).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** {@code # TYPE} of a metric family, or null. */
  public String type(String family) {
    return types.get(family);
  }

  public List<Sample> samples() {
    return samples;
  }

  public String text() {
    return text;
  }

  /** How long the HTTP request that produced this took (zero when parsed from a string). */
  public Duration elapsed() {
    return elapsed;
  }

  @Override
  public String toString() {
    return text;
  }

  private static Map<String, String> pairs(String... labelPairs) {
    if (labelPairs.length % 2 != 0) {
      throw new IllegalArgumentException("labels must be name/value pairs");
    }
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < labelPairs.length; i += 2) {
      m.put(labelPairs[i], labelPairs[i + 1]);
    }
    return m;
  }

  private static String describe(String name, String... labelPairs) {
    return name
        + pairs(labelPairs).entrySet().stream()
            .map(e -> e.getKey() + "=\"" + e.getValue() + "\"")
            .collect(Collectors.joining(",", "{", "}"));
  }
}
