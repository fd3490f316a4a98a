package dev.recon.ingestion.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.ingestion.publish.PublishReceipt;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransferProgressTest {

  private static final String SHA = "ab".repeat(32);

  @Test
  void everyStageRoundTripsThroughItsOffsetMap() {
    TransferProgress downloaded =
        TransferProgress.downloaded("/in/a b*.csv", 42, 1_764_000_000L, SHA, false);
    TransferProgress published =
        downloaded.published(new PublishReceipt("raw-1", "recon.raw", 3, 99));
    TransferProgress archived = published.archived("/archive/a b*.csv");
    TransferProgress duplicate =
        TransferProgress.downloaded("/in/c.csv", 1, 2, SHA, true).archived("/archive/c.csv");
    for (TransferProgress p :
        new TransferProgress[] {
          downloaded,
          published,
          archived,
          duplicate,
          downloaded.released(),
          published.archived(null)
        }) {
      assertThat(TransferProgress.fromMap(p.toMap())).isEqualTo(p);
    }
    assertThat(downloaded.inFlight()).isTrue();
    assertThat(published.inFlight()).isTrue();
    assertThat(archived.inFlight()).isFalse();
    assertThat(downloaded.released().inFlight()).isFalse();
  }

  @Test
  void theStoredMapFitsAConnectorOffset() {
    Map<String, String> map =
        TransferProgress.downloaded("/in/a.csv", 1, 2, SHA, false)
            .published(new PublishReceipt("raw-1", "t", 0, 0))
            .archived("/archive/a.csv")
            .toMap();
    assertThat(map.size())
        .isLessThanOrEqualTo(dev.recon.ingestion.store.ConnectorOffsets.MAX_ENTRIES);
  }

  @Test
  void aMapThatIsNotAProgressRecordIsRefused() {
    Map<String, String> map =
        new HashMap<>(TransferProgress.downloaded("/in/a.csv", 1, 2, SHA, false).toMap());
    map.remove("sha256");
    assertThatThrownBy(() -> TransferProgress.fromMap(map))
        .isInstanceOf(IllegalArgumentException.class);
    Map<String, String> badStage = new HashMap<>(map);
    badStage.put("sha256", SHA);
    badStage.put("stage", "EATEN");
    assertThatThrownBy(() -> TransferProgress.fromMap(badStage))
        .isInstanceOf(IllegalArgumentException.class);
    Map<String, String> badFlag = new HashMap<>(badStage);
    badFlag.put("stage", "DOWNLOADED");
    badFlag.put("duplicate", "maybe");
    assertThatThrownBy(() -> TransferProgress.fromMap(badFlag))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPublishedNewFileMustHaveAReceipt() {
    assertThatThrownBy(
            () ->
                new TransferProgress(
                    TransferProgress.Stage.PUBLISHED, "/in/a.csv", 1, 1, SHA, false, null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
