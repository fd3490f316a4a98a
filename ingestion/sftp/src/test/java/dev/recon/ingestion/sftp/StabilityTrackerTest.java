package dev.recon.ingestion.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.ingestion.sftp.StabilityTracker.Assessment;
import dev.recon.ingestion.sftp.StabilityTracker.Observation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StabilityTrackerTest {

  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
  private static final Duration NO_QUIET = Duration.ZERO;

  private static Assessment poll(
      Map<String, Observation> before, Instant at, FileSighting... files) {
    return StabilityTracker.assess(before, List.of(files), at, NO_QUIET);
  }

  @Test
  void aFileSeenForTheFirstTimeWaits() {
    Assessment first = poll(Map.of(), T0, new FileSighting("a.csv", 10, 100));
    assertThat(first.stable()).isEmpty();
    assertThat(first.waiting()).extracting(FileSighting::name).containsExactly("a.csv");
    assertThat(first.observations()).hasSize(1);
  }

  @Test
  void aFileUnchangedAcrossTwoPollsIsStable() {
    FileSighting a = new FileSighting("a.csv", 10, 100);
    Assessment first = poll(Map.of(), T0, a);
    Assessment second = poll(first.observations(), T0.plusSeconds(60), a);
    assertThat(second.stable()).containsExactly(a);
    assertThat(second.waiting()).isEmpty();
  }

  @Test
  void aGrowingFileWaitsAndItsClockRestarts() {
    Assessment first = poll(Map.of(), T0, new FileSighting("a.csv", 10, 100));
    Assessment grew =
        poll(first.observations(), T0.plusSeconds(60), new FileSighting("a.csv", 20, 100));
    assertThat(grew.stable()).isEmpty();
    Observation seen = grew.observations().get(StabilityTracker.key("a.csv"));
    assertThat(seen.size()).isEqualTo(20);
    assertThat(seen.since()).isEqualTo(T0.plusSeconds(60));
    Assessment settled =
        poll(grew.observations(), T0.plusSeconds(120), new FileSighting("a.csv", 20, 100));
    assertThat(settled.stable()).extracting(FileSighting::size).containsExactly(20L);
  }

  @Test
  void aRewriteWithTheSameSizeButAnotherMtimeWaits() {
    Assessment first = poll(Map.of(), T0, new FileSighting("a.csv", 10, 100));
    Assessment rewritten =
        poll(first.observations(), T0.plusSeconds(60), new FileSighting("a.csv", 10, 101));
    assertThat(rewritten.stable()).isEmpty();
    assertThat(rewritten.waiting()).hasSize(1);
  }

  @Test
  void theQuietPeriodMustHavePassedSinceTheFileStoppedChanging() {
    FileSighting a = new FileSighting("a.csv", 10, 100);
    Duration quiet = Duration.ofSeconds(30);
    Assessment first = StabilityTracker.assess(Map.of(), List.of(a), T0, quiet);
    Assessment tooSoon =
        StabilityTracker.assess(first.observations(), List.of(a), T0.plusSeconds(29), quiet);
    assertThat(tooSoon.stable()).isEmpty();
    Assessment later =
        StabilityTracker.assess(tooSoon.observations(), List.of(a), T0.plusSeconds(30), quiet);
    assertThat(later.stable()).containsExactly(a);
  }

  @Test
  void filesThatDisappearedAreForgotten() {
    Assessment first =
        poll(Map.of(), T0, new FileSighting("a.csv", 1, 1), new FileSighting("b.csv", 1, 1));
    Assessment second = poll(first.observations(), T0, new FileSighting("b.csv", 1, 1));
    assertThat(second.observations()).containsOnlyKeys(StabilityTracker.key("b.csv"));
  }

  @Test
  void stableFilesComeOldestFirst() {
    FileSighting newer = new FileSighting("a.csv", 1, 200);
    FileSighting older = new FileSighting("z.csv", 1, 100);
    Assessment first = poll(Map.of(), T0, newer, older);
    Assessment second = poll(first.observations(), T0, newer, older);
    assertThat(second.stable()).containsExactly(older, newer);
  }

  @Test
  void atMostMaxTrackedFilesAreObservedTheRestWait() {
    List<FileSighting> files = new ArrayList<>();
    for (int i = 0; i < StabilityTracker.MAX_TRACKED_FILES + 5; i++) {
      files.add(new FileSighting(String.format("f%03d.csv", i), 1, 100));
    }
    Assessment first = StabilityTracker.assess(Map.of(), files, T0, NO_QUIET);
    Assessment second = StabilityTracker.assess(first.observations(), files, T0, NO_QUIET);
    assertThat(second.observations()).hasSize(StabilityTracker.MAX_TRACKED_FILES);
    assertThat(second.stable()).hasSize(StabilityTracker.MAX_TRACKED_FILES);
    assertThat(second.waiting()).hasSize(5);
    // the stored map fits a connector offset
    assertThat(StabilityTracker.toMap(second.observations()).size())
        .isLessThanOrEqualTo(dev.recon.ingestion.store.ConnectorOffsets.MAX_ENTRIES);
  }

  @Test
  void observationsSurviveTheirStoredFormSoARestartNeitherForgetsNorTakesEarly() {
    FileSighting a = new FileSighting("a.csv", 10, 100);
    Assessment first = poll(Map.of(), T0, a);
    Map<String, Observation> restored =
        StabilityTracker.fromMap(StabilityTracker.toMap(first.observations()));
    assertThat(restored).isEqualTo(first.observations());
    assertThat(poll(restored, T0.plusSeconds(5), a).stable()).containsExactly(a);
    // nothing stored (first poll after a fresh start): the file waits
    assertThat(poll(StabilityTracker.fromMap(Map.of()), T0, a).stable()).isEmpty();
  }

  @Test
  void malformedStoredEntriesAreDroppedSoTheirFilesWaitAgain() {
    Map<String, String> stored = new HashMap<>();
    stored.put(StabilityTracker.key("a.csv"), "10,100");
    stored.put(StabilityTracker.key("b.csv"), "x,100,0");
    stored.put(StabilityTracker.key("c.csv"), "10,100,0");
    assertThat(StabilityTracker.fromMap(stored)).containsOnlyKeys(StabilityTracker.key("c.csv"));
  }
}
