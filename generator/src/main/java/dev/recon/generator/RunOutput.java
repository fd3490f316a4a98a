package dev.recon.generator;

import dev.recon.schemas.RecordKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** What a run wrote: its matches (members grouped by match id) and its exceptions. */
public record RunOutput(List<RunMatch> matches, List<RunException> exceptions) {

  /** One match of the run: its level and rule as matches.csv gives them, and its members. */
  public record RunMatch(String matchId, String level, String rule, Set<RecordRef> members) {}

  /** One exception of the run. */
  public record RunException(String reason, RecordRef record) {}

  public RunOutput {
    matches = List.copyOf(matches);
    exceptions = List.copyOf(exceptions);
  }

  /** Reads matches.csv and exceptions.csv from a `recon reconcile --out` folder. */
  public static RunOutput read(Path outDir) throws IOException {
    return parse(
        Files.readString(outDir.resolve("matches.csv"), StandardCharsets.UTF_8),
        Files.readString(outDir.resolve("exceptions.csv"), StandardCharsets.UTF_8));
  }

  public static RunOutput parse(String matchesCsv, String exceptionsCsv) {
    Map<String, String[]> heads = new LinkedHashMap<>();
    Map<String, Set<RecordRef>> members = new LinkedHashMap<>();
    for (Map<String, String> row : CsvRows.parse(matchesCsv)) {
      String id = row.get("match_id");
      heads.putIfAbsent(id, new String[] {row.get("level"), row.get("rule")});
      members
          .computeIfAbsent(id, k -> new TreeSet<>(RecordRef.ORDER))
          .add(new RecordRef(RecordKind.valueOf(row.get("record_kind")), row.get("record_id")));
    }
    List<RunMatch> matches = new ArrayList<>();
    heads.forEach((id, head) -> matches.add(new RunMatch(id, head[0], head[1], members.get(id))));
    List<RunException> exceptions = new ArrayList<>();
    for (Map<String, String> row : CsvRows.parse(exceptionsCsv)) {
      exceptions.add(
          new RunException(
              row.get("reason"),
              new RecordRef(RecordKind.valueOf(row.get("record_kind")), row.get("record_id"))));
    }
    return new RunOutput(matches, exceptions);
  }
}
