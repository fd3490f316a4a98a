package dev.recon.ingestion.sftp;

import dev.recon.ingestion.file.RawFile;
import dev.recon.ingestion.store.ConnectorOffsets;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides which listed files are complete: a file is taken only when a previous poll saw it with
 * the same size and mtime, and it has kept them for at least the quiet period. Uploads in progress
 * change size; a rewrite changes mtime. The observations are stored between polls (as an offset
 * map), so a restart neither forgets them nor takes a file seen only once. Pure.
 */
public final class StabilityTracker {

  /**
   * Observations are one offset map; it holds at most {@link ConnectorOffsets#MAX_ENTRIES}. Files
   * beyond this (oldest first) wait until earlier ones have been taken.
   */
  public static final int MAX_TRACKED_FILES = ConnectorOffsets.MAX_ENTRIES - 4;

  private static final Comparator<FileSighting> OLDEST_FIRST =
      Comparator.comparingLong(FileSighting::mtimeSeconds).thenComparing(FileSighting::name);

  private StabilityTracker() {}

  /** What a poll saw of one file, and since when it has looked like that. */
  public record Observation(long size, long mtimeSeconds, Instant since) {
    public Observation {
      Objects.requireNonNull(since, "since");
    }
  }

  /**
   * The verdict of one poll: files to take (oldest first), files still waiting, and the
   * observations to store for the next poll.
   */
  public record Assessment(
      List<FileSighting> stable,
      List<FileSighting> waiting,
      Map<String, Observation> observations) {
    public Assessment {
      stable = List.copyOf(stable);
      waiting = List.copyOf(waiting);
      observations = Map.copyOf(observations);
    }
  }

  public static Assessment assess(
      Map<String, Observation> previous,
      List<FileSighting> listed,
      Instant now,
      Duration quietPeriod) {
    List<FileSighting> ordered = new ArrayList<>(listed);
    ordered.sort(OLDEST_FIRST);
    List<FileSighting> stable = new ArrayList<>();
    List<FileSighting> waiting = new ArrayList<>();
    Map<String, Observation> next = new LinkedHashMap<>();
    for (FileSighting file : ordered) {
      if (next.size() >= MAX_TRACKED_FILES) {
        waiting.add(file);
        continue;
      }
      String key = key(file.name());
      Observation before = previous.get(key);
      boolean unchanged =
          before != null
              && before.size() == file.size()
              && before.mtimeSeconds() == file.mtimeSeconds();
      Instant since = unchanged ? before.since() : now;
      next.put(key, new Observation(file.size(), file.mtimeSeconds(), since));
      if (unchanged && !since.plus(quietPeriod).isAfter(now)) {
        stable.add(file);
      } else {
        waiting.add(file);
      }
    }
    return new Assessment(stable, waiting, next);
  }

  /** Names can be long and odd; the stored key is a short hash of the name. */
  public static String key(String name) {
    return "f" + RawFile.sha256Hex(name.getBytes(StandardCharsets.UTF_8)).substring(0, 24);
  }

  public static Map<String, String> toMap(Map<String, Observation> observations) {
    Map<String, String> map = new HashMap<>();
    observations.forEach(
        (k, o) -> map.put(k, o.size() + "," + o.mtimeSeconds() + "," + o.since().toEpochMilli()));
    return map;
  }

  /**
   * Reads stored observations; a malformed entry is dropped, which only makes its file wait one
   * more poll.
   */
  public static Map<String, Observation> fromMap(Map<String, String> map) {
    Map<String, Observation> observations = new HashMap<>();
    map.forEach(
        (k, v) -> {
          String[] parts = v.split(",", -1);
          if (parts.length != 3) {
            return;
          }
          try {
            observations.put(
                k,
                new Observation(
                    Long.parseLong(parts[0]),
                    Long.parseLong(parts[1]),
                    Instant.ofEpochMilli(Long.parseLong(parts[2]))));
          } catch (IllegalArgumentException e) {
            // dropped: see above
          }
        });
    return observations;
  }
}
