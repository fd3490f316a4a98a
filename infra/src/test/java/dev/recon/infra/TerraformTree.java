package dev.recon.infra;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every Terraform configuration under a folder, parsed, and the module calls between them. */
record TerraformTree(Path root, Map<Path, TerraformDirectory> directories) {

  /** More .tf files than this under one tree means the walk went somewhere it should not. */
  static final int MAX_FILES = 500;

  /**
   * A {@code module} block: who calls, under which name, with which arguments, into which folder.
   */
  record ModuleCall(TerraformDirectory caller, String name, JsonNode body, Path target) {}

  /** Thrown when a file is not valid HCL: the parser's message names file, line and column. */
  static final class InvalidHclException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidHclException(String message) {
      super(message);
    }
  }

  static TerraformTree load(Path root, HclParser parser) throws IOException, InterruptedException {
    return loadEach(List.of(root), parser).get(root);
  }

  /** Several trees with one run of the parser (starting the WASM parser is the slow part). */
  static Map<Path, TerraformTree> loadEach(List<Path> roots, HclParser parser)
      throws IOException, InterruptedException {
    List<Path> files = new ArrayList<>();
    for (Path root : roots) {
      List<Path> found = tfFiles(root);
      if (found.isEmpty()) {
        throw new IllegalArgumentException("No .tf files under " + root);
      }
      files.addAll(found);
    }
    if (files.size() > MAX_FILES) {
      throw new IllegalArgumentException("More than " + MAX_FILES + " .tf files under " + roots);
    }
    HclParser.Outcome outcome = parser.parse(files);
    if (outcome instanceof HclParser.Rejected rejected) {
      throw new InvalidHclException(rejected.message());
    }
    Map<Path, JsonNode> parsed = ((HclParser.Parsed) outcome).files();
    Map<Path, TerraformTree> trees = new LinkedHashMap<>();
    for (Path root : roots) {
      Map<Path, Map<Path, JsonNode>> byDir = new TreeMap<>();
      parsed.forEach(
          (file, body) -> {
            if (file.startsWith(root)) {
              byDir.computeIfAbsent(file.getParent(), d -> new LinkedHashMap<>()).put(file, body);
            }
          });
      Map<Path, TerraformDirectory> dirs = new LinkedHashMap<>();
      byDir.forEach((dir, bodies) -> dirs.put(dir, TerraformDirectory.of(dir, bodies)));
      trees.put(root, new TerraformTree(root, dirs));
    }
    return trees;
  }

  private static List<Path> tfFiles(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.getFileName().toString().endsWith(".tf"))
          .filter(Files::isRegularFile)
          .filter(p -> !p.toString().contains("/.terraform/"))
          .sorted()
          .toList();
    }
  }

  List<ModuleCall> calls() {
    List<ModuleCall> calls = new ArrayList<>();
    for (TerraformDirectory d : directories.values()) {
      d.moduleCalls()
          .forEach(
              (name, body) -> {
                String source = body.path("source").asText("");
                calls.add(new ModuleCall(d, name, body, d.dir().resolve(source).normalize()));
              });
    }
    return calls;
  }

  List<ModuleCall> callsInto(Path dir) {
    return calls().stream().filter(c -> c.target().equals(dir)).toList();
  }

  /** A root configuration is one no other configuration calls: the environments. */
  boolean isRoot(Path dir) {
    return callsInto(dir).isEmpty();
  }

  /** The root configurations a folder ends up in, through any chain of module calls. */
  Set<Path> rootsOf(Path dir) {
    Set<Path> roots = new LinkedHashSet<>();
    collectRoots(dir, roots, 0);
    return roots;
  }

  private void collectRoots(Path dir, Set<Path> roots, int depth) {
    if (depth > directories.size()) {
      throw new IllegalStateException("Module calls form a cycle through " + dir);
    }
    List<ModuleCall> callers = callsInto(dir);
    if (callers.isEmpty()) {
      roots.add(dir);
    }
    callers.forEach(c -> collectRoots(c.caller().dir(), roots, depth + 1));
  }

  /** A path relative to the tree's root, for messages. */
  String where(Path p) {
    String relative = root.relativize(p).toString();
    return relative.isEmpty() ? "." : relative;
  }
}
