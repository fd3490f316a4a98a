package dev.recon.app.pipeline;

import static dev.recon.app.pipeline.PostingTableFixtures.POOLED_RECEIVABLE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.ledger.posting.PostingTable;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code [TENANT=]RESOURCE} posting tables packed into the job jar, as Managed Flink's runtime
 * property names them: read from a class loader, every error named with the resource.
 */
class PostingTableResourcesTest {
  private static final String ORIGIN = "recon.postingRules (application_properties.json)";

  @TempDir Path jar;

  /** The job jar of the test: the temporary folder as a class path root, and nothing else. */
  private URLClassLoader classLoader;

  @BeforeEach
  void openJar() throws IOException {
    Files.createDirectories(jar.resolve("posting"));
    classLoader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
  }

  @AfterEach
  void closeJar() throws IOException {
    classLoader.close();
  }

  private PostingTableFiles.Loaded read(String... specs) {
    return PostingTableFiles.readResources(ORIGIN, List.of(specs), classLoader);
  }

  @Test
  void aTenantResourceIsThatTenantsTableAndADefaultResourceEveryOtherTenants() throws Exception {
    PostingTableFixtures.write(
        jar.resolve("posting/acme.yaml"), PostingTableFixtures.pooledReceivableYaml());
    PostingTableFixtures.write(
        jar.resolve("posting/default.yaml"), PostingTableFixtures.builtInYaml());

    PostingTableFiles.Loaded loaded = read("posting/default.yaml", "acme=posting/acme.yaml");

    assertThat(loaded.errors()).isEmpty();
    assertThat(loaded.tables().tenants()).containsExactly("acme");
    assertThat(loaded.tables().tableOf("acme").rules().toString()).contains(POOLED_RECEIVABLE);
    assertThat(loaded.tables().tableOf("beta").rules().toString())
        .doesNotContain(POOLED_RECEIVABLE)
        .isEqualTo(PostingTable.defaultTable().rules().toString());
  }

  @Test
  void aTenantIdOrResourceNameOutOfSyntaxIsRefusedWithWhereItCameFrom() {
    PostingTableFiles.Loaded loaded =
        read(
            "not a tenant!=posting/acme.yaml",
            "acme=/posting/acme.yaml",
            "beta=posting/../secret.yaml",
            "gamma=" + "p".repeat(PostingTableFiles.MAX_RESOURCE_NAME_CHARS + 1),
            "delta=");

    assertThat(loaded.tables()).isNull();
    assertThat(loaded.errors())
        .anySatisfy(e -> assertThat(e).startsWith(ORIGIN + ": 'not a tenant!' is not a tenant id"))
        .anySatisfy(e -> assertThat(e).startsWith("'/posting/acme.yaml' is not a resource name"))
        .anySatisfy(e -> assertThat(e).startsWith("'posting/../secret.yaml' is not a resource"))
        .anySatisfy(e -> assertThat(e).startsWith("'ppp").contains("is not a resource name"))
        .anySatisfy(e -> assertThat(e).isEqualTo(ORIGIN + ": delta= names no table"))
        .hasSize(5);
  }

  @Test
  void aResourceAtTheLongestNameIsLookedUp() {
    String longest = "p".repeat(PostingTableFiles.MAX_RESOURCE_NAME_CHARS);
    assertThat(read("acme=" + longest).errors())
        .containsExactly(longest + ": no such resource in the job jar");
  }

  @Test
  void aMissingResourceIsNamed() {
    assertThat(read("acme=posting/acme.yaml").errors())
        .containsExactly("posting/acme.yaml: no such resource in the job jar");
  }

  @Test
  void aResourceOverTheLedgersLimitIsRefusedWithItsName() throws Exception {
    byte[] padding = new byte[256 * 1024 + 1];
    Arrays.fill(padding, (byte) '#');
    Files.write(jar.resolve("posting/big.yaml"), padding);

    assertThat(read("acme=posting/big.yaml").errors())
        .containsExactly("posting/big.yaml: posting table larger than 65536 characters");
  }

  @Test
  void anInvalidTableListsEveryErrorWithItsResourceAndKeyPath() throws Exception {
    PostingTableFixtures.write(
        jar.resolve("posting/bad.yaml"),
        PostingTableFixtures.builtInYaml()
            .replaceFirst("amount: fee", "amount: half")
            .replace("version: 1", "version: 1\ncolour: blue"));
    PostingTableFixtures.write(jar.resolve("posting/broken.yaml"), "version: 1\nrules: [\n  - {");

    PostingTableFiles.Loaded loaded = read("acme=posting/bad.yaml", "beta=posting/broken.yaml");

    assertThat(loaded.tables()).isNull();
    assertThat(loaded.errors())
        .contains("posting/bad.yaml: colour: unknown key; known: [fx_conversion, rules, version]")
        .anySatisfy(
            e ->
                assertThat(e)
                    .startsWith("posting/bad.yaml: rules[")
                    .contains(".amount: unknown value 'half'"))
        .anySatisfy(e -> assertThat(e).startsWith("posting/broken.yaml: not valid YAML at line"));
  }
}
