package dev.recon.app.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runtime properties Amazon Managed Service for Apache Flink gives an application instead of
 * program arguments: the file {@code /etc/flink/application_properties.json}, a JSON array of
 * {@code {"PropertyGroupId": ..., "PropertyMap": {...}}}, which is what {@code
 * KinesisAnalyticsRuntime.getApplicationProperties()} reads. Read here with Jackson, so the job jar
 * does not carry Managed Flink's runtime library; one property group is kept.
 *
 * @param file where the properties were read from (named in errors)
 * @param values the properties of the group, in file order; empty when there is no file
 */
public record ManagedFlinkProperties(Path file, Map<String, String> values) {
  /** Where Managed Flink writes the properties of the application. */
  public static final Path DEFAULT_FILE = Path.of("/etc/flink/application_properties.json");

  /** The property group recon's jobs read. */
  public static final String GROUP = "recon";

  /** The file is written by the service from at most a few kilobytes of properties. */
  static final int MAX_FILE_BYTES = 256 * 1024;

  /** More groups or properties than any application of recon sets: a file of something else. */
  static final int MAX_GROUPS = 64;

  static final int MAX_PROPERTIES = 256;

  // a key given twice would otherwise silently keep the last value
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  public ManagedFlinkProperties {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /**
   * The properties of group {@value #GROUP} in {@code file}; none when the file does not exist (the
   * job is not on Managed Flink). A file over {@value #MAX_FILE_BYTES} bytes or not of the expected
   * shape is refused with every problem named.
   *
   * @throws IOException the file exists but cannot be read
   * @throws IllegalArgumentException the file is too large, not JSON, or not property groups
   */
  public static ManagedFlinkProperties read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return new ManagedFlinkProperties(file, Map.of());
    }
    byte[] content;
    try (InputStream in = Files.newInputStream(file)) {
      // read one byte more than allowed, so a file that grows after a size check is still caught
      content = in.readNBytes(MAX_FILE_BYTES + 1);
    }
    if (content.length > MAX_FILE_BYTES) {
      throw new IllegalArgumentException(
          file + ": larger than " + MAX_FILE_BYTES + " bytes; not Managed Flink's properties");
    }
    JsonNode root;
    try {
      root = JSON.readTree(content);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          file
              + ": not valid JSON at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ": "
              + withoutQuotedText(e.getOriginalMessage()),
          e);
    }
    List<String> problems = new ArrayList<>();
    Map<String, String> values = group(root, problems);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(file + ": " + String.join("; ", problems));
    }
    return new ManagedFlinkProperties(file, values);
  }

  private static Map<String, String> group(JsonNode root, List<String> problems) {
    Map<String, String> values = new LinkedHashMap<>();
    if (root == null || !root.isArray()) {
      problems.add("not a JSON array of property groups");
      return values;
    }
    if (root.size() > MAX_GROUPS) {
      problems.add("more than " + MAX_GROUPS + " property groups");
      return values;
    }
    boolean found = false;
    for (int i = 0; i < root.size(); i++) {
      JsonNode group = root.get(i);
      JsonNode id = group.get("PropertyGroupId");
      if (!group.isObject() || id == null || !id.isTextual()) {
        problems.add("property group " + i + " has no text PropertyGroupId");
        continue;
      }
      if (!id.asText().equals(GROUP)) {
        continue;
      }
      if (found) {
        problems.add("property group " + GROUP + " appears twice");
        continue;
      }
      found = true;
      JsonNode map = group.get("PropertyMap");
      if (map == null || !map.isObject()) {
        problems.add("property group " + GROUP + " has no PropertyMap object");
        continue;
      }
      if (map.size() > MAX_PROPERTIES) {
        problems.add(
            "property group " + GROUP + " has more than " + MAX_PROPERTIES + " properties");
        continue;
      }
      for (Map.Entry<String, JsonNode> property : map.properties()) {
        if (property.getValue().isTextual()) {
          values.put(property.getKey(), property.getValue().asText());
        } else {
          problems.add(
              "property " + property.getKey() + " of group " + GROUP + " is not a text value");
        }
      }
    }
    return values;
  }

  /** Parser messages quote the offending text, which may be a secret in a broken file. */
  private static String withoutQuotedText(String message) {
    return message == null ? "" : message.replaceAll("'[^']*'", "'...'").replaceAll("\\s+", " ");
  }

  @Override
  public String toString() {
    // values may hold a password written literally (refused in production): keys only
    return "ManagedFlinkProperties{file=" + file + ", keys=" + values.keySet() + "}";
  }
}
