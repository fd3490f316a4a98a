package dev.recon.reporting.export;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Where an export's files go in a target: Hive-style partitions, so DuckDB, Athena and Spark read
 * tenant and date as columns; manifests under a folder starting with '_', which those readers skip.
 *
 * <pre>
 *   &lt;dataset&gt;/tenant=&lt;t&gt;/date=&lt;yyyy-mm-dd&gt;/part-&lt;run&gt;-&lt;n&gt;.parquet (and .csv)
 *   &lt;dataset&gt;/_manifests/tenant=&lt;t&gt;/run-&lt;run&gt;.json
 * </pre>
 */
public final class ExportLayout {

  private ExportLayout() {}

  public static String partFile(
      String dataset, String tenant, LocalDate date, long run, int chunk, ExportFormat format) {
    return String.format(
        Locale.ROOT,
        "%s/tenant=%s/date=%s/part-%08d-%05d.%s",
        dataset,
        tenant,
        date,
        run,
        chunk,
        format.extension());
  }

  /** The start of the names of a run's part files; later runs' names sort after it. */
  static String partFilePrefix(long run) {
    return String.format(Locale.ROOT, "part-%08d-", run);
  }

  public static String manifestFolder(String dataset, String tenant) {
    return dataset + "/_manifests/tenant=" + tenant + "/";
  }

  public static String manifest(String dataset, String tenant, long run) {
    return manifestFolder(dataset, tenant) + String.format(Locale.ROOT, "run-%08d.json", run);
  }
}
