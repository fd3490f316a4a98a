package dev.recon.ledger.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class LedgerConnectionSpecTest {

  private static final LedgerConnectionSpec SPEC =
      new LedgerConnectionSpec(
          "jdbc:postgresql://127.0.0.1:5432/recon", "recon_login", "s3cret-Pw-42");

  @Test
  void toStringNeverShowsThePassword() {
    assertThat(SPEC.toString()).doesNotContain("s3cret-Pw-42").contains("recon_login");
    assertThat(new LedgerSink(SPEC).toString()).doesNotContain("s3cret-Pw-42");
  }

  @Test
  void onlyPostgresUrls() {
    assertThatThrownBy(() -> new LedgerConnectionSpec("jdbc:h2:mem:x", "u", "p"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void survivesJavaSerializationAsFlinkShipsIt() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(new LedgerSink(SPEC));
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject()).isInstanceOf(LedgerSink.class);
    }
  }
}
