package dev.recon.normalization.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.schemas.Provenance;
import dev.recon.schemas.RawRecord;
import org.junit.jupiter.api.Test;

class RawDeliveryKeyTest {
  private final RawRecord raw = RawRecords.of("expected/expected_basic.csv", null);

  @Test
  void aSecondDeliveryOfTheSameFileHasTheSameKey() throws Exception {
    RawRecord again = RawRecords.again(raw);
    again.getProvenance().setFileName("renamed.csv");
    again.getProvenance().setReceivedAt(raw.getProvenance().getReceivedAt().plusSeconds(60));
    again.setRawId("raw-other-id");
    assertThat(new RawDeliveryKey().getKey(again)).isEqualTo(new RawDeliveryKey().getKey(raw));
  }

  @Test
  void tenantSourceAndContentEachMakeADifferentFile() {
    String key = RawDeliveryKey.of(raw.getProvenance());
    assertThat(RawDeliveryKey.of(with(p -> p.setTenantId("tenant-b")))).isNotEqualTo(key);
    assertThat(RawDeliveryKey.of(with(p -> p.setSource("sftp:adyen")))).isNotEqualTo(key);
    assertThat(RawDeliveryKey.of(with(p -> p.setContentSha256("1".repeat(64))))).isNotEqualTo(key);
  }

  @Test
  void separatorsInsideNamesCannotMakeTwoFilesCollide() {
    Provenance a = with(p -> p.setTenantId("t1").setSource("1:s"));
    Provenance b = with(p -> p.setTenantId("t").setSource("11:s"));
    assertThat(RawDeliveryKey.of(a)).isNotEqualTo(RawDeliveryKey.of(b));
  }

  private Provenance with(java.util.function.Consumer<Provenance.Builder> change) {
    Provenance.Builder builder = Provenance.newBuilder(raw.getProvenance());
    change.accept(builder);
    return builder.build();
  }
}
