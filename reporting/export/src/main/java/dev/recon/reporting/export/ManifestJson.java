package dev.recon.reporting.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The manifest's JSON form: fixed key order, snake_case, instants as ISO-8601 UTC. */
public final class ManifestJson {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ManifestJson() {}

  public static byte[] write(ExportManifest m) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", ExportManifest.FORMAT);
    root.put("dataset", m.dataset());
    root.put("tenant", m.tenant());
    root.put("run", m.run());
    root.put("exported_at", m.exportedAt().toString());
    root.set("after", watermark(m.after()));
    root.set("watermark", watermark(m.watermark()));
    root.put("rows", m.rows());
    root.put("complete", m.complete());
    ArrayNode files = root.putArray("files");
    for (ManifestFile f : m.files()) {
      ObjectNode file = files.addObject();
      file.put("path", f.path());
      file.put("format", f.format().extension());
      file.put("date", f.date().toString());
      file.put("rows", f.rows());
      file.put("bytes", f.bytes());
      file.put("sha256", f.sha256());
    }
    try {
      return JSON.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("manifest not serialisable", e);
    }
  }

  /**
   * @throws IllegalArgumentException if the bytes are not a manifest of this format
   */
  public static ExportManifest read(byte[] bytes) {
    JsonNode root;
    try {
      root = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("manifest is not JSON", e);
    }
    if (root == null || !ExportManifest.FORMAT.equals(root.path("format").asText())) {
      throw new IllegalArgumentException("not a " + ExportManifest.FORMAT + " manifest");
    }
    List<ManifestFile> files = new ArrayList<>();
    for (JsonNode f : root.path("files")) {
      files.add(
          new ManifestFile(
              text(f, "path"),
              format(text(f, "format")),
              LocalDate.parse(text(f, "date")),
              f.path("rows").asLong(-1),
              f.path("bytes").asLong(-1),
              text(f, "sha256")));
    }
    return new ExportManifest(
        text(root, "dataset"),
        text(root, "tenant"),
        root.path("run").asLong(0),
        Instant.parse(text(root, "exported_at")),
        watermark(root.path("after")),
        watermark(root.path("watermark")),
        root.path("rows").asLong(-1),
        root.path("complete").asBoolean(),
        files);
  }

  private static ObjectNode watermark(Watermark w) {
    ObjectNode node = JSON.createObjectNode();
    node.put("at", w.at().toString());
    node.put("id", w.id());
    return node;
  }

  private static Watermark watermark(JsonNode node) {
    return new Watermark(Instant.parse(text(node, "at")), node.path("id").asText(""));
  }

  private static ExportFormat format(String extension) {
    for (ExportFormat f : ExportFormat.values()) {
      if (f.extension().equals(extension)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown file format " + extension);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("manifest lacks " + field);
    }
    return value.asText();
  }
}
