package dev.recon.app.cli;

import dev.recon.app.pipeline.PostingRulesConfig;
import dev.recon.app.pipeline.PostingTableFiles;
import dev.recon.app.pipeline.TenantPostingTables;
import dev.recon.app.platform.PlatformConfigResolver;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --posting-rules [TENANT=]FILE}: the tables the matches of a run or tenant book by. */
final class PostingRulesOption {

  @Option(
      names = PostingRulesConfig.FLAG,
      paramLabel = "[TENANT=]FILE",
      description =
          "posting table (YAML, as the built-in default-posting-rules.yaml): FILE for every"
              + " tenant, TENANT=FILE for one; repeatable, at most "
              + PostingTableFiles.MAX_TABLES
              + " tenants (default: $"
              + PostingRulesConfig.ENVIRONMENT_VARIABLE
              + ", comma-separated, then the config file's "
              + PostingRulesConfig.FILE_KEY
              + ", then the built-in table)")
  List<String> specs = new ArrayList<>();

  /**
   * Every table read and checked, or empty after printing every error.
   *
   * @param configFile the {@code --config} file, if given; else {@code RECON_CONFIG} is looked at
   */
  Optional<TenantPostingTables> tables(
      Map<String, String> environment, Path configFile, PrintWriter err) {
    Optional<Path> file =
        PlatformConfigResolver.configFile(Optional.ofNullable(configFile), environment);
    PostingTableFiles.Loaded loaded = PostingRulesConfig.resolve(specs, environment, file);
    if (!loaded.isValid()) {
      loaded.errors().forEach(e -> err.println("error: " + e));
      return Optional.empty();
    }
    return Optional.of(loaded.tables());
  }
}
