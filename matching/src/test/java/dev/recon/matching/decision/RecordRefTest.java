package dev.recon.matching.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.schemas.RecordKind;
import org.junit.jupiter.api.Test;

class RecordRefTest {

  @Test
  void kind_and_id_split_at_the_first_colon() {
    assertThat(RecordRef.parse("PSP_TXN:1ABC:CAPTURE"))
        .contains(new RecordRef(RecordKind.PSP_TXN, "1ABC:CAPTURE"));
    assertThat(RecordRef.parse("BANK_LINE:STMT-1"))
        .contains(new RecordRef(RecordKind.BANK_LINE, "STMT-1"));
  }

  @Test
  void anything_else_is_no_reference() {
    assertThat(RecordRef.parse(null)).isEmpty();
    assertThat(RecordRef.parse("exp-1")).isEmpty();
    assertThat(RecordRef.parse(":exp-1")).isEmpty();
    assertThat(RecordRef.parse("EXPECTED:")).isEmpty();
    assertThat(RecordRef.parse("EXPECTED: ")).isEmpty();
    assertThat(RecordRef.parse("expected:exp-1")).isEmpty();
    assertThat(RecordRef.parse("UNKNOWN:exp-1")).isEmpty();
  }
}
