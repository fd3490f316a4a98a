package dev.recon.matching.exact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.schemas.RecordKind;
import org.junit.jupiter.api.Test;

class ExactMatchKeyTest {

  @Test
  void references_are_compared_trimmed_within_a_tenant() {
    assertThat(ExactMatchKey.of("t", " ORD-1\t", RecordKind.EXPECTED, "exp-1"))
        .isEqualTo(ExactMatchKey.of("t", "ORD-1", RecordKind.PSP_TXN, "C1"));
  }

  @Test
  void tenants_never_share_a_key() {
    assertThat(ExactMatchKey.of("t", "ORD-1", RecordKind.EXPECTED, "exp-1"))
        .isNotEqualTo(ExactMatchKey.of("u", "ORD-1", RecordKind.EXPECTED, "exp-1"));
  }

  @Test
  void records_without_a_reference_each_get_a_key_of_their_own() {
    String one = ExactMatchKey.of("t", "  ", RecordKind.PSP_TXN, "C1");
    String other = ExactMatchKey.of("t", null, RecordKind.PSP_TXN, "C2");

    assertThat(one).isNotEqualTo(other);
    assertThat(one).isNotEqualTo(ExactMatchKey.of("t", "C1", RecordKind.PSP_TXN, "C1"));
  }
}
