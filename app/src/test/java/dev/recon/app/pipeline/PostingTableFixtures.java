package dev.recon.app.pipeline;

import dev.recon.ledger.posting.PostingTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Posting table files of a finance team that keeps its own chart, derived from the built-in. */
public final class PostingTableFixtures {

  /** The account the pooled table books every PSP receivable to, whatever the PSP. */
  public static final String POOLED_RECEIVABLE = "psp_receivable:pooled";

  private PostingTableFixtures() {}

  /** The built-in table's text. */
  public static String builtInYaml() {
    try (InputStream in = PostingTable.class.getResourceAsStream(PostingTable.DEFAULT_RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The built-in table with one receivable for all PSPs ({@value #POOLED_RECEIVABLE}) instead of
   * one per PSP; a fixed account cannot be missing, so its write-off fallback goes too.
   */
  public static String pooledReceivableYaml() {
    String yaml =
        builtInYaml()
            .replace("\"psp_receivable:{psp}\"", POOLED_RECEIVABLE)
            .replaceFirst(
                "\\n *when_missing:\\n *account: suspense\\n *note: no psp on the decision[^\\n]*",
                "");
    var parsed = PostingTable.parse(yaml);
    if (!parsed.isValid() || parsed.table().rules().toString().contains("{psp}")) {
      throw new IllegalStateException(
          "the built-in table changed shape, update this fixture: " + parsed.errors());
    }
    return yaml;
  }

  public static Path write(Path file, String yaml) throws IOException {
    return Files.writeString(file, yaml, StandardCharsets.UTF_8);
  }
}
