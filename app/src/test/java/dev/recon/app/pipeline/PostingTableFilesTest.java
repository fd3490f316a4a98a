package dev.recon.app.pipeline;

import static dev.recon.app.pipeline.PostingTableFixtures.POOLED_RECEIVABLE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.ledger.posting.PostingTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code [TENANT=]FILE} posting table specifications: parsed, limited, every error listed. */
class PostingTableFilesTest {
  private static final String FLAG = "--posting-rules";

  @TempDir Path dir;

  private Path pooled() throws Exception {
    return PostingTableFixtures.write(
        dir.resolve("pooled.yaml"), PostingTableFixtures.pooledReceivableYaml());
  }

  private static boolean booksPooled(PostingTable table) {
    return table.rules().toString().contains(POOLED_RECEIVABLE);
  }

  @Test
  void aTenantFileIsThatTenantsTableAndEveryOtherTenantKeepsTheBuiltIn() throws Exception {
    PostingTableFiles.Loaded loaded = PostingTableFiles.read(FLAG, List.of("acme=" + pooled()));

    assertThat(loaded.errors()).isEmpty();
    assertThat(loaded.tables().tenants()).containsExactly("acme");
    assertThat(booksPooled(loaded.tables().tableOf("acme"))).isTrue();
    assertThat(loaded.tables().tableOf("beta")).isSameAs(PostingTable.defaultTable());
  }

  @Test
  void aBareFileIsTheTableOfEveryTenantWithoutItsOwn() throws Exception {
    Path builtInCopy =
        PostingTableFixtures.write(dir.resolve("copy.yaml"), PostingTableFixtures.builtInYaml());
    PostingTableFiles.Loaded loaded =
        PostingTableFiles.read(FLAG, List.of(pooled().toString(), "beta=" + builtInCopy));

    assertThat(loaded.errors()).isEmpty();
    assertThat(booksPooled(loaded.tables().tableOf("acme"))).isTrue();
    assertThat(booksPooled(loaded.tables().tableOf("anyone"))).isTrue();
    assertThat(booksPooled(loaded.tables().tableOf("beta"))).isFalse();
  }

  @Test
  void aPathWithAnEqualsSignAfterAFolderIsAFileNotATenant() throws Exception {
    Path odd =
        PostingTableFixtures.write(dir.resolve("a=b.yaml"), PostingTableFixtures.builtInYaml());
    PostingTableFiles.Loaded loaded = PostingTableFiles.read(FLAG, List.of(odd.toString()));

    assertThat(loaded.errors()).isEmpty();
    assertThat(loaded.tables().tenants()).isEmpty();
  }

  @Test
  void nothingGivenIsTheBuiltInTableForEveryone() {
    PostingTableFiles.Loaded loaded = PostingTableFiles.read(FLAG, List.of());
    assertThat(loaded.errors()).isEmpty();
    assertThat(loaded.tables().tableOf("acme")).isSameAs(PostingTable.defaultTable());
  }

  @Test
  void aTenantOrTheDefaultGivenTwiceIsRefused() throws Exception {
    Path file = pooled();
    PostingTableFiles.Loaded loaded =
        PostingTableFiles.read(
            FLAG, List.of("acme=" + file, "acme=" + file, file.toString(), file.toString()));

    assertThat(loaded.isValid()).isFalse();
    assertThat(loaded.errors())
        .anySatisfy(e -> assertThat(e).startsWith(FLAG).contains("tenant acme given twice"))
        .anySatisfy(e -> assertThat(e).startsWith(FLAG).contains("a default table twice"));
  }

  @Test
  void moreTenantsThanTheLimitAreRefused() throws Exception {
    Path file = pooled();
    List<String> specs = new ArrayList<>();
    for (int i = 0; i <= PostingTableFiles.MAX_TABLES; i++) {
      specs.add("tenant-" + i + "=" + file);
    }
    PostingTableFiles.Loaded loaded = PostingTableFiles.read(FLAG, specs);
    assertThat(loaded.errors())
        .singleElement()
        .asString()
        .contains("more than " + PostingTableFiles.MAX_TABLES);

    PostingTableFiles.Loaded atLimit =
        PostingTableFiles.read(FLAG, specs.subList(0, PostingTableFiles.MAX_TABLES));
    assertThat(atLimit.errors()).isEmpty();
    assertThat(atLimit.tables().tenants()).hasSize(PostingTableFiles.MAX_TABLES);
  }

  @Test
  void aFileOverTheLedgersSizeLimitIsRefusedWithItsMessageAndTheFileNamed() throws Exception {
    // the limit is the ledger reader's (64 Ki characters, at most 4 bytes each): 256 KiB + 1 is
    // over it whatever the characters
    Path big = dir.resolve("big.yaml");
    byte[] padding = new byte[256 * 1024 + 1];
    java.util.Arrays.fill(padding, (byte) '#');
    Files.write(big, padding);

    PostingTableFiles.Loaded loaded = PostingTableFiles.read(FLAG, List.of("acme=" + big));

    assertThat(loaded.errors())
        .containsExactly(big + ": posting table larger than 65536 characters");
  }

  @Test
  void anInvalidTableListsEveryErrorWithItsFileAndKeyPath() throws Exception {
    String yaml =
        PostingTableFixtures.builtInYaml()
            .replaceFirst("credit: payments_clearing", "credit: sales_ledger")
            .replaceFirst("amount: fee", "amount: half")
            .replace("version: 1", "version: 1\ncolour: blue");
    Path bad = PostingTableFixtures.write(dir.resolve("bad.yaml"), yaml);
    Path broken =
        PostingTableFixtures.write(dir.resolve("broken.yaml"), "version: 1\nrules: [\n  - {");

    PostingTableFiles.Loaded loaded =
        PostingTableFiles.read(
            FLAG,
            List.of(
                "acme=" + bad,
                "beta=" + broken,
                "gamma=" + dir.resolve("missing.yaml"),
                "not a tenant!=" + bad,
                "delta="));

    assertThat(loaded.isValid()).isFalse();
    assertThat(loaded.tables()).isNull();
    assertThat(loaded.errors())
        .contains(bad + ": colour: unknown key; known: [fx_conversion, rules, version]")
        .anySatisfy(
            e ->
                assertThat(e)
                    .startsWith(bad + ": rules[1].legs[0].credit: ")
                    .contains("sales_ledger"))
        .anySatisfy(
            e ->
                assertThat(e)
                    .startsWith(bad + ": rules[")
                    .contains(".amount: unknown value 'half'"))
        .anySatisfy(e -> assertThat(e).startsWith(broken + ": not valid YAML at line"))
        .anySatisfy(e -> assertThat(e).isEqualTo(dir.resolve("missing.yaml") + ": no such file"))
        .anySatisfy(e -> assertThat(e).startsWith(FLAG + ": 'not a tenant!' is not a tenant id"))
        .anySatisfy(e -> assertThat(e).isEqualTo(FLAG + ": delta= names no table"));
  }

  @Test
  void aFileNamedForTwoTenantsIsReadOnceAndReportedOnce() throws Exception {
    Path bad = PostingTableFixtures.write(dir.resolve("bad.yaml"), "version: 2\n");
    PostingTableFiles.Loaded loaded =
        PostingTableFiles.read(FLAG, List.of("acme=" + bad, "beta=" + bad));
    assertThat(loaded.errors().stream().filter(e -> e.startsWith(bad + ": version:"))).hasSize(1);
    assertThat(Files.readString(bad, StandardCharsets.UTF_8)).isEqualTo("version: 2\n");
  }
}
