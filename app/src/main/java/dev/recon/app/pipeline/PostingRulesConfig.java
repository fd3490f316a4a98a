package dev.recon.app.pipeline;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.recon.app.platform.PlatformConfigFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the posting tables come from, the first that gives any: the {@code --posting-rules}
 * options, the {@value #ENVIRONMENT_VARIABLE} variable (specifications separated by commas), the
 * config file's top-level {@value #FILE_KEY} list, else the built-in table for every tenant. The
 * sources are not merged: one place says which tables a process books by.
 */
public final class PostingRulesConfig {

  public static final String FLAG = "--posting-rules";
  public static final String ENVIRONMENT_VARIABLE = "RECON_POSTING_RULES";
  public static final String FILE_KEY = "postingRules";

  private PostingRulesConfig() {}

  /**
   * @param flags the {@code --posting-rules} values, empty if none
   * @param configFile the config file ({@code --config} or {@code RECON_CONFIG}), if any
   */
  public static PostingTableFiles.Loaded resolve(
      List<String> flags, Map<String, String> environment, Optional<Path> configFile) {
    Optional<PostingTableFiles.Loaded> given = fromFlagsOrEnvironment(flags, environment);
    if (given.isPresent()) {
      return given.get();
    }
    if (configFile.isEmpty()) {
      return PostingTableFiles.none();
    }
    List<String> errors = new ArrayList<>();
    Optional<String> text = PlatformConfigFile.readText(configFile.get(), errors);
    if (text.isEmpty()) {
      return new PostingTableFiles.Loaded(null, errors);
    }
    return fromFile(text.get(), configFile.get().toString());
  }

  /**
   * The tables of the {@code --posting-rules} options, else of {@value #ENVIRONMENT_VARIABLE};
   * empty when neither gives any, for the caller's next source.
   */
  public static Optional<PostingTableFiles.Loaded> fromFlagsOrEnvironment(
      List<String> flags, Map<String, String> environment) {
    if (!flags.isEmpty()) {
      return Optional.of(PostingTableFiles.read(FLAG, flags));
    }
    String fromEnvironment = environment.get(ENVIRONMENT_VARIABLE);
    if (fromEnvironment == null || fromEnvironment.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(PostingTableFiles.read(ENVIRONMENT_VARIABLE, specs(fromEnvironment)));
  }

  /** Specifications separated by commas, as a variable or a runtime property holds them. */
  public static List<String> specs(String commaSeparated) {
    List<String> specs = new ArrayList<>();
    for (String spec : commaSeparated.split(",", -1)) {
      specs.add(spec.strip());
    }
    return specs;
  }

  /** The config file's {@value #FILE_KEY}: a list of {@code [TENANT=]FILE}, or one. */
  static PostingTableFiles.Loaded fromFile(String yaml, String name) {
    String origin = name + ": " + FILE_KEY;
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    } catch (JacksonException e) {
      // the platform's own reading of the file reports where; never quote its text (secrets)
      return new PostingTableFiles.Loaded(null, List.of(name + ": not valid YAML"));
    }
    JsonNode node = root == null ? null : root.get(FILE_KEY);
    if (node == null || node.isNull()) {
      return PostingTableFiles.none();
    }
    List<String> specs = new ArrayList<>();
    if (node.isTextual()) {
      specs.add(node.asText());
    } else if (node.isArray()) {
      List<String> errors = new ArrayList<>();
      for (int i = 0; i < node.size(); i++) {
        JsonNode spec = node.get(i);
        if (spec.isTextual()) {
          specs.add(spec.asText());
        } else {
          errors.add(origin + "[" + i + "]: expected a string [TENANT=]FILE");
        }
      }
      if (!errors.isEmpty()) {
        return new PostingTableFiles.Loaded(null, errors);
      }
    } else {
      return new PostingTableFiles.Loaded(
          null, List.of(origin + ": expected a list of [TENANT=]FILE"));
    }
    return PostingTableFiles.read(origin, specs);
  }
}
