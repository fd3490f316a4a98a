package dev.recon.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Parses Terraform files with HashiCorp's HCL2 parser: {@code node infra/hcl-check/parse.mjs
 * FILE...}, which runs {@code @cdktf/hcl2json} (the Go parser compiled to WASM). Other Java HCL
 * parsers accept broken files, and no terraform binary can be installed here.
 */
final class HclParser {
  static final String INSTALL_COMMAND = "npm ci --prefix infra/hcl-check";
  static final String SCRIPT = "parse.mjs";

  /** Parsing the whole tree takes about a second; beyond this something hangs. */
  static final Duration TIMEOUT = Duration.ofMinutes(2);

  /** parse.mjs exit status: a file failed to parse. */
  private static final int EXIT_REJECTED = 1;

  /** parse.mjs exit status: the parser package is not installed. */
  private static final int EXIT_NOT_INSTALLED = 3;

  private static final long MAX_OUTPUT_BYTES = 64L * 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the parser said about a set of files. */
  sealed interface Outcome permits Parsed, Rejected {}

  /** Every file parsed: its HCL body as JSON, by file. */
  record Parsed(Map<Path, JsonNode> files) implements Outcome {}

  /** A file failed to parse; the message is the parser's, with file, line and column. */
  record Rejected(String message) implements Outcome {}

  private final Path checkDir;

  HclParser(Path checkDir) {
    this.checkDir = checkDir;
  }

  /** The parser of this module, infra/hcl-check. */
  static HclParser ofModule() {
    return new HclParser(InfraPaths.module().resolve("hcl-check"));
  }

  Outcome parse(List<Path> files) throws IOException, InterruptedException {
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no files to parse");
    }
    Path out = Files.createTempFile("hcl-check", ".json");
    Path err = Files.createTempFile("hcl-check", ".err");
    try {
      List<String> command = new ArrayList<>(List.of("node", SCRIPT));
      files.forEach(f -> command.add(f.toAbsolutePath().toString()));
      Process process;
      try {
        process =
            new ProcessBuilder(command)
                .directory(checkDir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
      } catch (IOException e) {
        throw new AssertionError(
            "Cannot run node (Node.js 20+ must be on the PATH), then run `"
                + INSTALL_COMMAND
                + "`: "
                + e.getMessage(),
            e);
      }
      if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("HCL parser did not finish within " + TIMEOUT);
      }
      String stderr = Files.readString(err, StandardCharsets.UTF_8).strip();
      int exit = process.exitValue();
      if (exit == EXIT_NOT_INSTALLED) {
        throw new AssertionError(
            "The HCL parser is not installed: run `" + INSTALL_COMMAND + "` (" + stderr + ")");
      }
      if (exit == EXIT_REJECTED) {
        return new Rejected(stderr);
      }
      if (exit != 0) {
        throw new IllegalStateException("HCL parser exited with " + exit + ": " + stderr);
      }
      if (Files.size(out) > MAX_OUTPUT_BYTES) {
        throw new IllegalStateException("HCL parser output exceeds " + MAX_OUTPUT_BYTES + " bytes");
      }
      JsonNode parsed = JSON.readTree(out.toFile());
      Map<Path, JsonNode> byFile = new LinkedHashMap<>();
      for (Path f : files) {
        JsonNode body = parsed.get(f.toAbsolutePath().toString());
        if (body == null || !body.isObject()) {
          throw new IllegalStateException("HCL parser returned nothing for " + f);
        }
        byFile.put(f, body);
      }
      return new Parsed(byFile);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
