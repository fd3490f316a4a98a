package dev.recon.reporting.export;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every dataset analysts can export, by the name used in paths and on the command line. */
public final class AnalystDatasets {

  private static final Map<String, ExportDataset> BY_NAME = new LinkedHashMap<>();

  static {
    for (ExportDataset d :
        List.of(
            LedgerDatasets.JOURNAL_ENTRIES,
            LedgerDatasets.POSTINGS,
            CaseworkDatasets.MATCHES,
            CaseworkDatasets.EXCEPTIONS,
            CaseworkDatasets.RESOLUTIONS)) {
      BY_NAME.put(d.name(), d);
    }
  }

  private AnalystDatasets() {}

  /** Names in export order: journal_entries, postings, matches, exceptions, resolutions. */
  public static List<String> names() {
    return List.copyOf(BY_NAME.keySet());
  }

  /**
   * @throws IllegalArgumentException naming the known datasets, for an unknown name
   */
  public static List<ExportDataset> byNames(Collection<String> names) {
    List<ExportDataset> out = new ArrayList<>();
    for (String known : BY_NAME.keySet()) {
      if (names.contains(known)) {
        out.add(BY_NAME.get(known));
      }
    }
    for (String name : names) {
      if (!BY_NAME.containsKey(name)) {
        throw new IllegalArgumentException(
            "unknown dataset " + name + "; known: " + String.join(", ", BY_NAME.keySet()));
      }
    }
    return out;
  }
}
