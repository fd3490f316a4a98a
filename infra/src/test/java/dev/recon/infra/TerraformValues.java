package dev.recon.infra;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value an attribute takes in each root configuration, where it can be known without running
 * Terraform: a literal, or {@code var.x} / {@code local.x} chains that end in literals, passed down
 * through module calls or taken from a variable's default. Anything else (functions, resource
 * attributes, tfvars) is unknown, and a check that needs the value reports it as unverifiable.
 */
final class TerraformValues {
  private static final Pattern VAR = Pattern.compile("^\\$\\{var\\.([A-Za-z0-9_-]+)\\}$");
  private static final Pattern LOCAL = Pattern.compile("^\\$\\{local\\.([A-Za-z0-9_-]+)\\}$");

  /** Deeper chains than this are not written by hand; stop rather than loop. */
  private static final int MAX_DEPTH = 16;

  /** The value in one root configuration; null when unknown or not set. */
  record Resolved(Path root, JsonNode value) {
    boolean isTrue() {
      return value != null && value.isBoolean() && value.booleanValue();
    }

    /** The value as a whole number, or null if it is none. */
    Long asLong() {
      if (value == null) {
        return null;
      }
      if (value.isIntegralNumber()) {
        return value.longValue();
      }
      if (value.isTextual() && value.asText().matches("-?[0-9]{1,18}")) {
        return Long.parseLong(value.asText());
      }
      return null;
    }
  }

  private final TerraformTree tree;

  TerraformValues(TerraformTree tree) {
    this.tree = tree;
  }

  /** What {@code expression}, written in {@code dir}, evaluates to in each root that uses it. */
  List<Resolved> resolve(TerraformDirectory dir, JsonNode expression) {
    return resolve(dir, expression, 0);
  }

  private List<Resolved> resolve(TerraformDirectory dir, JsonNode expression, int depth) {
    if (depth > MAX_DEPTH || expression == null || expression.isNull()) {
      return unknown(dir);
    }
    if (!expression.isTextual() || !expression.asText().startsWith("${")) {
      return tree.rootsOf(dir.dir()).stream().map(r -> new Resolved(r, expression)).toList();
    }
    String text = expression.asText();
    Matcher local = LOCAL.matcher(text);
    if (local.matches()) {
      return resolve(dir, dir.locals().get(local.group(1)), depth + 1);
    }
    Matcher var = VAR.matcher(text);
    if (!var.matches()) {
      return unknown(dir);
    }
    String name = var.group(1);
    JsonNode declared = dir.variables().get(name);
    JsonNode fallback = declared == null ? null : declared.get("default");
    List<TerraformTree.ModuleCall> calls = tree.callsInto(dir.dir());
    if (calls.isEmpty()) {
      return List.of(
          new Resolved(dir.dir(), fallback == null || fallback.isNull() ? null : fallback));
    }
    List<Resolved> values = new ArrayList<>();
    for (TerraformTree.ModuleCall call : calls) {
      JsonNode passed = call.body().get(name);
      if (passed != null) {
        values.addAll(resolve(call.caller(), passed, depth + 1));
      } else {
        values.addAll(resolve(call.caller(), fallback, depth + 1));
      }
    }
    return values;
  }

  private List<Resolved> unknown(TerraformDirectory dir) {
    return tree.rootsOf(dir.dir()).stream().map(r -> new Resolved(r, null)).toList();
  }
}
