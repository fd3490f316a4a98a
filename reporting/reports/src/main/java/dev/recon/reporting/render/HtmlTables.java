package dev.recon.reporting.render;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.StringWriter;
import java.util.List;
import java.util.Objects;

/**
 * Report tables as one self-contained HTML page (inline CSS, no scripts, no external assets) for
 * reports without a page of their own, such as the month-end pack; the PDF is printed from it.
 * Every value goes through Mustache's HTML escaping; at most {@link ReportTable#MAX_LISTED_ROWS}
 * rows per table are listed, with a note saying how many more the XLSX and CSV files hold.
 */
public final class HtmlTables {

  private static final Mustache TEMPLATE =
      new DefaultMustacheFactory("dev/recon/reporting/render").compile("tables.html.mustache");

  /** One line of the page's header, e.g. "Tenant: acme". */
  public record Fact(String label, String value) {
    public Fact {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(value, "value");
    }
  }

  private HtmlTables() {}

  public static String render(String title, List<Fact> facts, List<ReportTable> tables) {
    StringWriter out = new StringWriter();
    TEMPLATE.execute(
        out, new PageView(title, facts, tables.stream().map(HtmlTables::section).toList()));
    return out.toString();
  }

  record PageView(String title, List<Fact> facts, List<SectionView> sections) {}

  record SectionView(
      String id,
      String title,
      String note,
      List<HeaderView> headers,
      List<List<CellView>> rows,
      List<List<CellView>> totals,
      boolean empty,
      long notListed) {
    boolean truncated() {
      return notListed > 0;
    }
  }

  record HeaderView(String label, boolean numeric) {}

  record CellView(String value, boolean numeric) {}

  private static SectionView section(ReportTable table) {
    int listed = Math.min(table.rows().size(), ReportTable.MAX_LISTED_ROWS);
    List<HeaderView> headers =
        java.util.stream.IntStream.range(0, table.columns().size())
            .mapToObj(c -> new HeaderView(table.columns().get(c).label(), numericColumn(table, c)))
            .toList();
    return new SectionView(
        table.name().replace('_', '-'),
        table.title(),
        table.note(),
        headers,
        table.rows().subList(0, listed).stream().map(HtmlTables::cells).toList(),
        table.totals().stream().map(HtmlTables::cells).toList(),
        table.rows().isEmpty(),
        table.rows().size() - listed);
  }

  private static boolean numericColumn(ReportTable table, int c) {
    List<List<Cell>> sample = table.rows().isEmpty() ? table.totals() : table.rows();
    return !sample.isEmpty() && sample.get(0).get(c).numeric();
  }

  private static List<CellView> cells(List<Cell> row) {
    return row.stream().map(cell -> new CellView(shown(cell), cell.numeric())).toList();
  }

  static String shown(Cell cell) {
    if (cell instanceof Cell.Amount amount) {
      return amount.formatted();
    }
    if (cell instanceof Cell.Count count) {
      return Long.toString(count.value());
    }
    return ((Cell.Text) cell).value();
  }
}
