package dev.recon.ledger.posting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The default posting table as text and as a tree to edit, for tables derived from it. */
final class TableYaml {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private TableYaml() {}

  static String defaultText() {
    try (InputStream in = PostingTable.class.getResourceAsStream(PostingTable.DEFAULT_RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fresh, editable copy of the default table. */
  static ObjectNode defaultTree() {
    try {
      return (ObjectNode) YAML.readTree(defaultText());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String text(JsonNode tree) {
    try {
      return YAML.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static ArrayNode rules(ObjectNode tree) {
    return (ArrayNode) tree.get("rules");
  }

  /** The index of the rule for "BOOKING MEMBER EVENT" in the tree's rules. */
  static int indexOf(ObjectNode tree, String key) {
    ArrayNode rules = rules(tree);
    for (int i = 0; i < rules.size(); i++) {
      JsonNode r = rules.get(i);
      String k =
          r.get("booking").asText()
              + " "
              + r.get("member").asText()
              + " "
              + r.get("event").asText();
      if (k.equals(key)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no rule " + key);
  }

  static ObjectNode rule(ObjectNode tree, String key) {
    return (ObjectNode) rules(tree).get(indexOf(tree, key));
  }

  static ObjectNode leg(ObjectNode tree, String key, int leg) {
    return (ObjectNode) rule(tree, key).get("legs").get(leg);
  }
}
