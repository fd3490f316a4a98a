package dev.recon.reporting;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;

/**
 * report.html: the daily reconciliation report for a finance team, one self-contained file (inline
 * CSS, no scripts, no external assets). Every value goes through Mustache's HTML escaping: the
 * template uses only {@code {{name}}}, never the unescaped {@code {{{name}}}}.
 */
public final class HtmlReport {

  private static final String TEMPLATE_ROOT = "dev/recon/reporting";
  private static final String TEMPLATE_NAME = "report.html.mustache";
  private static final Mustache TEMPLATE =
      new DefaultMustacheFactory(TEMPLATE_ROOT).compile(TEMPLATE_NAME);

  private HtmlReport() {}

  static void write(ReconciliationRun run, RunSummary summary, Path target) throws IOException {
    String html = render(run, summary);
    ReportFile.write(target, writer -> writer.write(html));
  }

  public static String render(ReconciliationRun run, RunSummary summary) {
    StringWriter out = new StringWriter();
    TEMPLATE.execute(out, ReportView.of(run, summary));
    return out.toString();
  }
}
