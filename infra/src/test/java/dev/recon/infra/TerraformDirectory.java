package dev.recon.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Terraform configuration (a root or a module): the bodies of all its .tf files merged, as
 * Terraform itself treats a folder.
 */
record TerraformDirectory(Path dir, Map<Path, JsonNode> files, ObjectNode body) {

  /** A resource or data block: its type, name and attributes. */
  record Block(String type, String name, JsonNode body) {
    String address() {
      return type + "." + name;
    }
  }

  static TerraformDirectory of(Path dir, Map<Path, JsonNode> files) {
    ObjectNode merged = JsonNodeFactory.instance.objectNode();
    files.values().forEach(f -> merge(merged, (ObjectNode) f));
    return new TerraformDirectory(dir, Map.copyOf(files), merged);
  }

  Map<String, JsonNode> variables() {
    return named("variable");
  }

  Map<String, JsonNode> outputs() {
    return named("output");
  }

  Map<String, JsonNode> moduleCalls() {
    return named("module");
  }

  /** All locals blocks of the folder as one object. */
  ObjectNode locals() {
    ObjectNode all = JsonNodeFactory.instance.objectNode();
    for (JsonNode block : body.path("locals")) {
      if (block.isObject()) {
        all.setAll((ObjectNode) block);
      }
    }
    return all;
  }

  List<Block> resources() {
    return blocks("resource");
  }

  List<Block> dataSources() {
    return blocks("data");
  }

  List<JsonNode> terraformBlocks() {
    List<JsonNode> blocks = new ArrayList<>();
    body.path("terraform").forEach(blocks::add);
    return blocks;
  }

  /** Provider configuration blocks by provider name. */
  Map<String, List<JsonNode>> providers() {
    Map<String, List<JsonNode>> providers = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : body.path("provider").properties()) {
      List<JsonNode> blocks = new ArrayList<>();
      e.getValue().forEach(blocks::add);
      providers.put(e.getKey(), blocks);
    }
    return providers;
  }

  /** The folder's whole body as text, to look for references such as {@code module.x.y}. */
  String text() {
    return body.toString();
  }

  /** The body without the given top-level blocks, as text. */
  String textWithout(String topLevelBlock) {
    ObjectNode copy = body.deepCopy();
    copy.remove(topLevelBlock);
    return copy.toString();
  }

  private Map<String, JsonNode> named(String kind) {
    Map<String, JsonNode> named = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : body.path(kind).properties()) {
      named.put(e.getKey(), first(e.getValue()));
    }
    return named;
  }

  private List<Block> blocks(String kind) {
    List<Block> blocks = new ArrayList<>();
    for (Map.Entry<String, JsonNode> type : body.path(kind).properties()) {
      for (Map.Entry<String, JsonNode> name : type.getValue().properties()) {
        blocks.add(new Block(type.getKey(), name.getKey(), first(name.getValue())));
      }
    }
    return blocks;
  }

  /** hcl2json writes every block as a list of bodies; a labelled block has exactly one. */
  static JsonNode first(JsonNode node) {
    return node.isArray() ? node.path(0) : node;
  }

  private static void merge(ObjectNode into, ObjectNode from) {
    for (Map.Entry<String, JsonNode> e : from.properties()) {
      JsonNode existing = into.get(e.getKey());
      JsonNode value = e.getValue();
      if (existing instanceof ObjectNode o && value.isObject()) {
        merge(o, (ObjectNode) value);
      } else if (existing instanceof ArrayNode a && value.isArray()) {
        a.addAll((ArrayNode) value.deepCopy());
      } else {
        into.set(e.getKey(), value.deepCopy());
      }
    }
  }
}
