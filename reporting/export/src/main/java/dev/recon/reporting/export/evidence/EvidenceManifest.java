package dev.recon.reporting.export.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The pack's table of contents, stored as {@value #FILE_NAME} inside the archive: every other entry
 * with its size and SHA-256.
 */
public record EvidenceManifest(
    String tenant,
    String subjectKind,
    String subjectValue,
    Instant createdAt,
    List<Entry> entries) {

  public static final String FORMAT = "recon-evidence-pack/1";
  public static final String FILE_NAME = "manifest.json";

  /** One archive entry. */
  public record Entry(String path, long size, String sha256) {
    public Entry {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(sha256, "sha256");
      if (size < 0) {
        throw new IllegalArgumentException("size must not be negative");
      }
    }
  }

  public EvidenceManifest {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(subjectKind, "subjectKind");
    Objects.requireNonNull(subjectValue, "subjectValue");
    Objects.requireNonNull(createdAt, "createdAt");
    entries = List.copyOf(entries);
  }

  public byte[] toJson() {
    ObjectNode root = JsonRows.JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("tenant", tenant);
    ObjectNode subject = root.putObject("subject");
    subject.put("kind", subjectKind);
    subject.put("value", subjectValue);
    root.put("created_at", createdAt.toString());
    ArrayNode list = root.putArray("entries");
    for (Entry e : entries) {
      ObjectNode node = list.addObject();
      node.put("path", e.path());
      node.put("size", e.size());
      node.put("sha256", e.sha256());
    }
    try {
      return JsonRows.JSON.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("manifest not serialisable", e);
    }
  }

  /**
   * @throws IllegalArgumentException if the bytes are not a manifest of this format
   */
  public static EvidenceManifest fromJson(byte[] json) {
    try {
      JsonNode root = JsonRows.JSON.readTree(new String(json, StandardCharsets.UTF_8));
      if (root == null || !FORMAT.equals(root.path("format").asText())) {
        throw new IllegalArgumentException("not a " + FORMAT + " manifest");
      }
      List<Entry> entries = new ArrayList<>();
      for (JsonNode e : root.path("entries")) {
        entries.add(
            new Entry(
                e.path("path").asText(null),
                e.path("size").asLong(-1),
                e.path("sha256").asText(null)));
      }
      return new EvidenceManifest(
          root.path("tenant").asText(null),
          root.path("subject").path("kind").asText(null),
          root.path("subject").path("value").asText(null),
          Instant.parse(root.path("created_at").asText()),
          entries);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new IllegalArgumentException("manifest is not readable: " + e.getMessage(), e);
    }
  }
}
