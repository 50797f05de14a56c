package io.clockhealth.exporter.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Reads the YAML configuration strictly: an unknown or misspelt key, a duplicate key or a value of
 * the wrong type stops start-up with a message naming the key and its line.
 */
public final class ConfigFileLoader {

  private final ObjectMapper mapper =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  public ConfigFile load(Path file) throws ConfigException {
    String text;
    try {
      text = BoundedFiles.readConfigText(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException("config.file: " + file + ": no such file");
    } catch (IOException e) {
      throw new ConfigException("config.file: " + file + ": cannot read: " + e.getMessage(), e);
    }
    return parse(file.toString(), text);
  }

  ConfigFile parse(String source, String text) throws ConfigException {
    if (text.isBlank()) {
      return ConfigFile.EMPTY;
    }
    try {
      JsonNode tree = mapper.readTree(text);
      if (tree == null || tree.isMissingNode() || tree.isNull()) {
        return ConfigFile.EMPTY; // only comments
      }
      return mapper.readValue(text, ConfigFile.class);
    } catch (UnrecognizedPropertyException e) {
      throw new ConfigException(
          source
              + line(e.getLocation())
              + ": unknown key \""
              + path(e)
              + "\""
              + (e.getKnownPropertyIds() == null
                  ? ""
                  : " (known keys here: "
                      + e.getKnownPropertyIds().stream()
                          .map(String::valueOf)
                          .sorted()
                          .collect(Collectors.joining(", "))
                      + ")"),
          e);
    } catch (JsonMappingException e) {
      throw new ConfigException(
          source
              + line(e.getLocation())
              + ": invalid value for key \""
              + path(e)
              + "\": "
              + e.getOriginalMessage().lines().findFirst().orElse(""),
          e);
    } catch (JsonProcessingException e) {
      throw new ConfigException(
          source
              + line(e.getLocation())
              + ": not valid YAML: "
              + e.getOriginalMessage().lines().findFirst().orElse(""),
          e);
    }
  }

  private static String line(JsonLocation location) {
    return location == null || location.getLineNr() < 1 ? "" : ":" + location.getLineNr();
  }

  /** The dotted key path, e.g. {@code collectors.chrony.pathh}. */
  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }
}
