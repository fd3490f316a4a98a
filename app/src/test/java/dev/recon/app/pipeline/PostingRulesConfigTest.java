package dev.recon.app.pipeline;

import static dev.recon.app.pipeline.PostingTableFixtures.POOLED_RECEIVABLE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.ledger.posting.PostingTable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The option, then RECON_POSTING_RULES, then the config file's postingRules, then built-in. */
class PostingRulesConfigTest {
  @TempDir Path dir;

  private Path pooled() throws Exception {
    return PostingTableFixtures.write(
        dir.resolve("pooled.yaml"), PostingTableFixtures.pooledReceivableYaml());
  }

  private static boolean pooledFor(PostingTableFiles.Loaded loaded, String tenant) {
    assertThat(loaded.errors()).isEmpty();
    return loaded.tables().tableOf(tenant).rules().toString().contains(POOLED_RECEIVABLE);
  }

  @Test
  void theFirstSourceThatGivesAnyWinsWhole() throws Exception {
    Path file = pooled();
    Path config =
        PostingTableFixtures.write(
            dir.resolve("recon.yaml"),
            "kafka:\n  bootstrap: k:9092\npostingRules:\n  - gamma=" + file + "\n");
    Map<String, String> env =
        Map.of(PostingRulesConfig.ENVIRONMENT_VARIABLE, "beta=" + file + ", delta=" + file);

    PostingTableFiles.Loaded flags =
        PostingRulesConfig.resolve(List.of("acme=" + file), env, Optional.of(config));
    assertThat(flags.tables().tenants()).containsExactly("acme");

    PostingTableFiles.Loaded fromEnv =
        PostingRulesConfig.resolve(List.of(), env, Optional.of(config));
    assertThat(fromEnv.tables().tenants()).containsExactlyInAnyOrder("beta", "delta");
    assertThat(pooledFor(fromEnv, "delta")).isTrue();

    PostingTableFiles.Loaded fromFile =
        PostingRulesConfig.resolve(List.of(), Map.of(), Optional.of(config));
    assertThat(fromFile.tables().tenants()).containsExactly("gamma");
    assertThat(pooledFor(fromFile, "gamma")).isTrue();
    assertThat(pooledFor(fromFile, "acme")).isFalse();

    PostingTableFiles.Loaded none =
        PostingRulesConfig.resolve(List.of(), Map.of(), Optional.empty());
    assertThat(none.tables().tableOf("acme")).isSameAs(PostingTable.defaultTable());
  }

  @Test
  void errorsNameTheVariableOrTheConfigFileKey() throws Exception {
    PostingTableFiles.Loaded fromEnv =
        PostingRulesConfig.resolve(
            List.of(),
            Map.of(PostingRulesConfig.ENVIRONMENT_VARIABLE, "acme=a.yaml,acme=b.yaml"),
            Optional.empty());
    assertThat(fromEnv.errors())
        .anySatisfy(e -> assertThat(e).startsWith("RECON_POSTING_RULES: tenant acme given twice"));

    PostingTableFiles.Loaded wrongType =
        PostingRulesConfig.fromFile("postingRules:\n  - {acme: x.yaml}\n", "recon.yaml");
    assertThat(wrongType.errors())
        .containsExactly("recon.yaml: postingRules[0]: expected a string [TENANT=]FILE");

    PostingTableFiles.Loaded missingFile =
        PostingRulesConfig.fromFile(
            "postingRules: " + dir.resolve("nope.yaml") + "\n", "recon.yaml");
    assertThat(missingFile.errors()).containsExactly(dir.resolve("nope.yaml") + ": no such file");
  }
}
