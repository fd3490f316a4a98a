package dev.recon.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.app.pipeline.PostingTableFixtures;
import dev.recon.ledger.posting.PostingTable;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The matching cluster job reads its posting tables where its main runs, before submitting. */
class ClusterJobsPostingRulesTest {
  @TempDir Path dir;

  private Map<String, String> environment() {
    Map<String, String> env = new HashMap<>();
    env.put("RECON_KAFKA", "kafka:9092");
    env.put("RECON_DB_URL", "jdbc:postgresql://db/recon");
    env.put("RECON_APP_DB_USER", "recon_app");
    env.put("RECON_APP_DB_PASSWORD", "b8Wr-10ke-QQ2b-yy1v");
    return env;
  }

  @Test
  void theMatchJobBooksByTheTablesGivenAndByTheBuiltInWithout() throws Exception {
    Path pooled =
        PostingTableFixtures.write(
            dir.resolve("pooled.yaml"), PostingTableFixtures.pooledReceivableYaml());
    ClusterJobsFixture fixture =
        new ClusterJobsFixture(environment(), dir.resolve("none.json"), Map.of());

    ClusterJobs.Plan plan = fixture.plan("--job", "match", "--posting-rules", "acme=" + pooled);
    assertThat(plan.postingTables().tenants()).containsExactly("acme");
    assertThat(plan.postingTables().tableOf("beta")).isSameAs(PostingTable.defaultTable());

    Map<String, String> env = environment();
    env.put("RECON_POSTING_RULES", "beta=" + pooled);
    ClusterJobs.Plan fromVariable =
        new ClusterJobsFixture(env, dir.resolve("none.json"), Map.of()).plan("--job", "match");
    assertThat(fromVariable.postingTables().tenants()).containsExactly("beta");

    assertThat(fixture.plan("--job", "match").postingTables().tenants()).isEmpty();
  }

  @Test
  void anInvalidTableStopsTheSubmissionWithEveryErrorAndTheOtherProblems() throws Exception {
    Path bad =
        PostingTableFixtures.write(
            dir.resolve("bad.yaml"),
            PostingTableFixtures.builtInYaml().replace("version: 1", "version: 1\ncolour: blue"));
    Map<String, String> env = environment();
    env.remove("RECON_KAFKA");
    ClusterJobsFixture fixture = new ClusterJobsFixture(env, dir.resolve("none.json"), Map.of());

    assertThatThrownBy(
            () ->
                fixture.plan(
                    "--job", "match", "--posting-rules", "acme=" + bad, "--posting-rules", "x=/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(bad + ": colour: unknown key")
        .hasMessageContaining("/: no such file")
        .hasMessageContaining("RECON_KAFKA");
  }

  /** A resource every job jar has: the ledger's built-in table, beside its class. */
  private static final String BUILT_IN_RESOURCE =
      "dev/recon/ledger/posting/" + PostingTable.DEFAULT_RESOURCE;

  @Test
  void onManagedFlinkTheMatchJobBooksByTheJarsTablesTheRuntimePropertyNames() throws Exception {
    Path properties =
        ClusterJobsFixture.writeRuntimeProperties(
            dir.resolve("application_properties.json"),
            Map.of(ManagedFlinkSettings.POSTING_RULES, "acme=" + BUILT_IN_RESOURCE));
    ClusterJobsFixture fixture = new ClusterJobsFixture(environment(), properties, Map.of());

    ClusterJobs.Plan plan = fixture.plan("--job", "match");
    assertThat(plan.postingTables().tenants()).containsExactly("acme");

    // the normalize job ignores it; arguments and variables still come first
    assertThat(fixture.plan("--job", "normalize").postingTables()).isNull();
    Map<String, String> env = environment();
    env.put("RECON_POSTING_RULES", "beta=" + BUILT_IN_RESOURCE.replace('/', '_') + "-none");
    assertThatThrownBy(
            () -> new ClusterJobsFixture(env, properties, Map.of()).plan("--job", "match"))
        .hasMessageContaining("no such file")
        .hasMessageNotContaining("resource");
  }

  @Test
  void aRuntimePropertyNamingNoTableOfTheJarStopsTheSubmissionNamingTheProperty() throws Exception {
    Path properties =
        ClusterJobsFixture.writeRuntimeProperties(
            dir.resolve("application_properties.json"),
            Map.of(ManagedFlinkSettings.POSTING_RULES, "acme=posting/acme.yaml,bad tenant=x.yaml"));
    ClusterJobsFixture fixture = new ClusterJobsFixture(environment(), properties, Map.of());

    assertThatThrownBy(() -> fixture.plan("--job", "match"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("posting/acme.yaml: no such resource in the job jar")
        .hasMessageContaining(
            ManagedFlinkSettings.POSTING_RULES
                + " ("
                + properties
                + "): 'bad tenant' is not a tenant id");
  }
}
