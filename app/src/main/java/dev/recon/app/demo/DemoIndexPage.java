package dev.recon.app.demo;

import dev.recon.app.pipeline.ReconcileResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The demo's landing page: one line per tenant, linking to that tenant's report. */
public final class DemoIndexPage {
  public record TenantRun(String tenant, ReconcileResult result) {}

  private DemoIndexPage() {}

  public static Path write(Path outDir, List<TenantRun> runs) throws IOException {
    StringBuilder rows = new StringBuilder();
    for (TenantRun run : runs) {
      ReconcileResult r = run.result();
      String t = escape(run.tenant());
      rows.append("<tr><td><a href=\"")
          .append(t)
          .append("/report.html\">")
          .append(t)
          .append("</a></td><td>")
          .append(r.matches())
          .append("</td><td>")
          .append(r.exceptions())
          .append("</td><td>")
          .append(r.deadLetters())
          .append("</td><td>")
          .append(r.journalEntriesInRun())
          .append("</td><td>")
          .append(r.ledgerBalanced() ? "yes" : "NO")
          .append("</td></tr>\n");
    }
    String html =
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>recon demo</title><style>body{font-family:system-ui,sans-serif;margin:2rem}"
            + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .8rem}"
            + "</style></head><body><h1>recon demo</h1><p>One settlement cycle per tenant,"
            + " reconciled through Kafka, Flink and the PostgreSQL ledger.</p><table><tr>"
            + "<th>tenant</th><th>matches</th><th>exceptions</th><th>bad input rows</th>"
            + "<th>journal entries</th><th>ledger balanced</th></tr>\n"
            + rows
            + "</table></body></html>\n";
    Files.createDirectories(outDir);
    Path index = outDir.resolve("report.html");
    Files.writeString(index, html, StandardCharsets.UTF_8);
    return index;
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
