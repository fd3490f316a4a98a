package dev.recon.reporting.render;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Level;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;

/**
 * A PDF printed from a report's own HTML page, so the PDF and the page never tell different
 * stories. jsoup reads the HTML5 page; a print stylesheet is added after the page's own (A4
 * landscape, PDF base fonts, table headers repeated on every page, "page n of m" in the footer);
 * openhtmltopdf lays it out. The renderer is denied every external resource: a report embeds
 * everything it shows, and a value that came from outside must not make the renderer fetch a URL.
 *
 * <p>The PDF uses the standard Helvetica fonts, which cover Latin-1 (WinAnsi): characters outside
 * it show as '#'. The HTML, XLSX and CSV files keep them.
 */
public final class PdfDocument {

  /** A page larger than this is refused rather than laid out: the HTML lists at most 1,000 rows. */
  public static final int MAX_HTML_CHARS = 20 * 1024 * 1024;

  static final String PRINT_CSS =
      """
      @page { size: A4 landscape; margin: 12mm 10mm 14mm 10mm;
        @bottom-right { content: "Page " counter(page) " of " counter(pages);
          font-family: sans-serif; font-size: 7pt; color: #52606d; } }
      body { font-family: sans-serif; font-size: 8pt; margin: 0; }
      h1 { font-size: 15pt; } h2 { font-size: 11pt; page-break-after: avoid; }
      table { -fs-table-paginate: paginate; border-collapse: collapse; font-size: 7.5pt; }
      tr { page-break-inside: avoid; }
      th, td { padding: 1.5pt 4pt; }
      td.id { word-wrap: break-word; font-family: monospace; }
      dl.meta { display: block; }
      dl.meta dt { display: block; float: left; clear: left; width: 20mm; }
      dl.meta dd { display: block; margin: 0 0 1mm 22mm; }
      dl.meta ul { margin: 0; padding-left: 4mm; }
      footer, .muted, .card .label, .card .note { font-size: 7.5pt; }
      .cards { display: block; } .card { display: inline-block; vertical-align: top;
        margin: 0 4mm 3mm 0; min-width: 45mm; }
      .card .value { font-size: 13pt; }
      """;

  static {
    // The screen stylesheet's grid and flex rules are unknown to the renderer and overridden by
    // the print stylesheet: warnings about them, and timing notes, are noise in the logs.
    XRLog.setLevel(XRLog.CSS_PARSE, Level.SEVERE);
    XRLog.setLevel(XRLog.LOAD, Level.WARNING);
    XRLog.setLevel(XRLog.MATCH, Level.WARNING);
    XRLog.setLevel(XRLog.GENERAL, Level.WARNING);
  }

  private PdfDocument() {}

  /** The PDF of an HTML page. */
  public static byte[] render(String html) {
    if (html.length() > MAX_HTML_CHARS) {
      throw new IllegalArgumentException("page longer than " + MAX_HTML_CHARS + " characters");
    }
    Document page = Jsoup.parse(html);
    page.head().appendElement("style").appendText(PRINT_CSS);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.useExternalResourceAccessControl(
          (uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
      builder.useExternalResourceAccessControl(
          (uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
      builder.withW3cDocument(new W3CDom().fromJsoup(page), "about:blank");
      builder.withProducer("recon");
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return out.toByteArray();
  }
}
