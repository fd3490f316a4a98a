package dev.recon.app.platform;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the platform's settings from the YAML config file:
 *
 * <pre>
 * kafka: {bootstrap: "b1:9092,b2:9092", partitions: 6, replicationFactor: 3}
 * db: {url: "jdbc:postgresql://db:5432/recon", user: ..., password: ..., appUser: ..., appPassword: ...}
 * flink: {jobManager: "jm:8081", parallelism: 4, checkpointInterval: 10s, restartAttempts: 3}
 * dataDir: ./recon-data
 * </pre>
 *
 * Other top-level sections belong to other parts of recon and are left alone; an unknown key inside
 * these sections is an error, so a typo does not silently fall back to a default.
 */
public final class PlatformConfigFile {
  /** A config file is a few hundred bytes; anything near this is not one. */
  public static final int MAX_FILE_BYTES = 1024 * 1024;

  private PlatformConfigFile() {}

  /** The settings in a file and every problem found reading it. */
  public record Contents(PlatformSettings settings, List<String> errors) {
    public Contents {
      errors = List.copyOf(errors);
    }
  }

  /** Reads {@code file}; a missing, oversized or malformed file gives errors, not an exception. */
  public static Contents read(Path file) {
    List<String> errors = new ArrayList<>();
    return readText(file, errors)
        .map(text -> parse(text, file.toString()))
        .orElseGet(() -> new Contents(PlatformSettings.none(), errors));
  }

  /**
   * The text of a config file (every section of recon's config lives in the same file), or empty
   * with the reason added to {@code errors}: missing, over {@link #MAX_FILE_BYTES}, unreadable.
   */
  public static java.util.Optional<String> readText(Path file, List<String> errors) {
    String name = file.toString();
    try {
      if (!Files.isRegularFile(file)) {
        errors.add(name + ": config file not found");
      } else if (Files.size(file) > MAX_FILE_BYTES) {
        errors.add(name + ": config file larger than " + MAX_FILE_BYTES + " bytes");
      } else {
        return java.util.Optional.of(Files.readString(file, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      errors.add(name + ": cannot read config file: " + e.getMessage());
    }
    return java.util.Optional.empty();
  }

  /** Parses YAML text; {@code name} labels the values and errors. */
  public static Contents parse(String yaml, String name) {
    if (yaml.length() > MAX_FILE_BYTES) {
      return failed(name + ": config file larger than " + MAX_FILE_BYTES + " bytes");
    }
    JsonNode root;
    try {
      root = mapper().readTree(yaml);
    } catch (JacksonException e) {
      // The parser's message quotes the offending text, which may be a password: location only.
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      return failed(name + ": not valid YAML" + where);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return new Contents(PlatformSettings.none(), List.of());
    }
    if (!root.isObject()) {
      return failed(name + ": expected a mapping of sections at the top level");
    }
    List<String> errors = new ArrayList<>();
    Map<PlatformSetting, PlatformSettings.SourcedValue> values =
        new EnumMap<>(PlatformSetting.class);
    for (Map.Entry<String, List<PlatformSetting>> section : sections().entrySet()) {
      JsonNode node = root.get(section.getKey());
      if (node == null || node.isNull()) {
        continue;
      }
      if (!node.isObject()) {
        errors.add(name + ": " + section.getKey() + ": expected a mapping");
        continue;
      }
      Set<String> known = new TreeSet<>();
      for (PlatformSetting setting : section.getValue()) {
        known.add(setting.fileKey());
        readScalar(node.get(setting.fileKey()), setting, name, values, errors);
      }
      for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
        String key = keys.next();
        if (!known.contains(key)) {
          errors.add(
              name + ": " + section.getKey() + "." + key + ": unknown key (known: " + known + ")");
        }
      }
    }
    for (PlatformSetting setting : PlatformSetting.values()) {
      if (setting.fileSection() == null) {
        readScalar(root.get(setting.fileKey()), setting, name, values, errors);
      }
    }
    return new Contents(PlatformSettings.of(values), errors);
  }

  private static void readScalar(
      JsonNode node,
      PlatformSetting setting,
      String name,
      Map<PlatformSetting, PlatformSettings.SourcedValue> values,
      List<String> errors) {
    if (node == null || node.isNull()) {
      return;
    }
    if (!node.isValueNode()) {
      errors.add(name + ": " + setting.filePath() + ": expected a single value");
      return;
    }
    String text = node.asText();
    if (PlatformSettings.isSet(text)) {
      values.put(
          setting,
          new PlatformSettings.SourcedValue(text.strip(), name + ": " + setting.filePath()));
    }
  }

  private static Map<String, List<PlatformSetting>> sections() {
    Map<String, List<PlatformSetting>> sections = new LinkedHashMap<>();
    for (PlatformSetting setting : PlatformSetting.values()) {
      if (setting.fileSection() != null) {
        sections.computeIfAbsent(setting.fileSection(), s -> new ArrayList<>()).add(setting);
      }
    }
    return sections;
  }

  private static ObjectMapper mapper() {
    // SnakeYAML's own limits (50 aliases, 3 MB) stay in force behind the file size check.
    return new ObjectMapper(new YAMLFactory())
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
  }

  private static Contents failed(String error) {
    return new Contents(PlatformSettings.none(), List.of(error));
  }
}
