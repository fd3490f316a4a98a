package dev.recon.ingestion.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MailboxOffsetTest {

  @Test
  void roundTripsThroughTheStoredMap() {
    MailboxOffset offset = new MailboxOffset(1_700_000_000L, 42);
    assertThat(offset.toMap()).isEqualTo(Map.of("uidvalidity", "1700000000", "uid", "42"));
    assertThat(MailboxOffset.fromMap(offset.toMap())).isEqualTo(offset);
    MailboxOffset max = new MailboxOffset(MailboxOffset.MAX_UID, MailboxOffset.MAX_UID);
    assertThat(MailboxOffset.fromMap(max.toMap())).isEqualTo(max);
  }

  @Test
  void aDamagedStoredMapIsRefused() {
    assertThatThrownBy(() -> MailboxOffset.fromMap(Map.of("uid", "1")))
        .hasMessageContaining("uidvalidity");
    assertThatThrownBy(() -> MailboxOffset.fromMap(Map.of("uidvalidity", "1")))
        .hasMessageContaining("uid");
    assertThatThrownBy(() -> MailboxOffset.fromMap(Map.of("uidvalidity", "x", "uid", "1")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MailboxOffset.fromMap(Map.of("uidvalidity", "0", "uid", "1")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MailboxOffset.fromMap(Map.of("uidvalidity", "1", "uid", "-1")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MailboxOffset.fromMap(Map.of("uidvalidity", "4294967296", "uid", "1")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void resumesAfterTheStoredUidOnlyUnderTheSameUidValidity() {
    MailboxOffset stored = new MailboxOffset(7, 42);
    assertThat(MailboxOffset.resume(Optional.of(stored), 7)).isEqualTo(stored);
    assertThat(MailboxOffset.resume(Optional.of(stored), 8)).isEqualTo(MailboxOffset.start(8));
    assertThat(MailboxOffset.resume(Optional.empty(), 9)).isEqualTo(new MailboxOffset(9, 0));
  }

  @Test
  void movesForwardOnly() {
    MailboxOffset offset = new MailboxOffset(7, 42);
    assertThat(offset.advancedTo(43)).isEqualTo(new MailboxOffset(7, 43));
    assertThatThrownBy(() -> offset.advancedTo(42)).isInstanceOf(IllegalArgumentException.class);
  }
}
