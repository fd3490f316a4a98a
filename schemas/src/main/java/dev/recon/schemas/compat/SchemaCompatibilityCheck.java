package dev.recon.schemas.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Build step: every schema in the source folder must be able to read data written with the
 * committed baseline of the same full name (BACKWARD compatibility, as a schema registry checks
 * it). A release copies the current schemas into the baseline folder; consumers then depend on
 * that.
 */
public final class SchemaCompatibilityCheck {

  private SchemaCompatibilityCheck() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException(
          "usage: SchemaCompatibilityCheck <schema-dir> <baseline-dir>");
    }
    List<String> problems = check(Path.of(args[0]), Path.of(args[1]));
    if (!problems.isEmpty()) {
      problems.forEach(System.err::println);
      throw new IllegalStateException(
          problems.size() + " schema(s) not backward compatible with the committed baseline");
    }
  }

  /** Returns one message per incompatible schema; empty when all are compatible. */
  public static List<String> check(Path current, Path baseline) throws IOException {
    Map<String, Schema> now = parseAll(current);
    Map<String, Schema> before = parseAll(baseline);
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, Schema> old : before.entrySet()) {
      Schema reader = now.get(old.getKey());
      if (reader == null) {
        problems.add(old.getKey() + ": removed, but the baseline still has it");
        continue;
      }
      var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, old.getValue());
      if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
        problems.add(old.getKey() + ": " + result.getResult().getIncompatibilities());
      }
    }
    return problems;
  }

  /** Parses all .avsc files of a folder (common types first) into named top-level schemas. */
  static Map<String, Schema> parseAll(Path dir) throws IOException {
    Map<String, Schema> byName = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return byName;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(p -> p.toString().endsWith(".avsc")).toList();
    }
    // Referenced types must be parsed first: shared types live one folder deeper, enums before
    // records that use them.
    List<Path> ordered = new ArrayList<>(files);
    ordered.sort(
        Comparator.comparingInt((Path p) -> -dir.relativize(p).getNameCount())
            .thenComparingInt(p -> isEnum(p) ? 0 : 1)
            .thenComparing(Path::toString));
    Schema.Parser parser = new Schema.Parser();
    for (Path file : ordered) {
      Schema s = parser.parse(Files.readString(file));
      byName.put(s.getFullName(), s);
    }
    return byName;
  }

  private static boolean isEnum(Path p) {
    try {
      return Files.readString(p).replace(" ", "").contains("\"type\":\"enum\"");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
