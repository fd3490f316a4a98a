package dev.recon.ledger.archive;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

/**
 * What an archive holds, written next to its files as {@code ledger-YYYY-MM-manifest.json}.
 *
 * @param postingTotals per currency, sorted by currency; debits equal credits in each, since every
 *     entry balances
 */
public record ArchiveManifest(
    YearMonth month,
    Instant createdAt,
    long entries,
    long postings,
    long dailyBalanceRows,
    List<CurrencyTotal> postingTotals,
    List<ArchiveFile> files) {

  public ArchiveManifest {
    postingTotals = List.copyOf(postingTotals);
    files = List.copyOf(files);
  }

  /** Stable JSON: fixed key order, one value per line, so manifests diff and hash predictably. */
  public String toJson() {
    StringBuilder json = new StringBuilder("{\n");
    json.append("  \"format\": \"recon-ledger-archive/1\",\n");
    json.append("  \"month\": \"").append(month).append("\",\n");
    json.append("  \"createdAt\": \"").append(createdAt).append("\",\n");
    json.append("  \"entries\": ").append(entries).append(",\n");
    json.append("  \"postings\": ").append(postings).append(",\n");
    json.append("  \"dailyBalanceRows\": ").append(dailyBalanceRows).append(",\n");
    json.append("  \"postingTotals\": [");
    for (int i = 0; i < postingTotals.size(); i++) {
      CurrencyTotal t = postingTotals.get(i);
      json.append(i == 0 ? "\n" : ",\n")
          .append(
              String.format(
                  Locale.ROOT,
                  "    {\"currency\": \"%s\", \"postings\": %d, \"debitMinor\": %d,"
                      + " \"creditMinor\": %d}",
                  t.currency(),
                  t.postings(),
                  t.debitMinor(),
                  t.creditMinor()));
    }
    json.append(postingTotals.isEmpty() ? "],\n" : "\n  ],\n");
    json.append("  \"files\": [");
    for (int i = 0; i < files.size(); i++) {
      ArchiveFile f = files.get(i);
      json.append(i == 0 ? "\n" : ",\n")
          .append(
              String.format(
                  Locale.ROOT,
                  "    {\"table\": \"%s\", \"name\": \"%s\", \"rows\": %d, \"bytes\": %d,"
                      + " \"sha256\": \"%s\"}",
                  f.table(),
                  f.name(),
                  f.rows(),
                  f.bytes(),
                  f.sha256()));
    }
    json.append(files.isEmpty() ? "]\n" : "\n  ]\n");
    return json.append("}\n").toString();
  }
}
