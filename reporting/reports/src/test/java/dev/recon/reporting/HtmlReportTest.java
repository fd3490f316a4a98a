package dev.recon.reporting;

import static dev.recon.reporting.Fixtures.AS_OF;
import static dev.recon.reporting.Fixtures.credit;
import static dev.recon.reporting.Fixtures.deadLetter;
import static dev.recon.reporting.Fixtures.debit;
import static dev.recon.reporting.Fixtures.exception;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.schemas.DeadLetter;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.ReconException;
import dev.recon.schemas.RecordKind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

  private static final String SCRIPT = "<script>alert('x')</script>";
  private static final String IMAGE = "\"><img src=x onerror=alert(1)>";

  private static String render(ReconciliationRun run) {
    return HtmlReport.render(run, RunSummary.of(run));
  }

  @Test
  void escapesEveryValueThatCameFromOutside() {
    ReconciliationRun run =
        new ReconciliationRun(
            "tenant" + SCRIPT,
            AS_OF,
            List.of("settlement" + IMAGE + ".csv"),
            List.of(),
            List.of(
                exception(
                    "ex" + SCRIPT,
                    MatchLevel.L1,
                    "MISSING_IN_PSP" + SCRIPT,
                    RecordKind.EXPECTED,
                    "ref" + IMAGE,
                    100,
                    "EUR",
                    AS_OF)),
            List.of(deadLetter("dl-1", "f" + SCRIPT + ".csv", 3, IMAGE, "bad " + SCRIPT, AS_OF)),
            List.of(
                debit("je" + SCRIPT, AS_OF, "acct" + IMAGE, 100, "EUR"),
                credit("je" + SCRIPT, AS_OF, "clearing", 99, "EUR")));

    String html = render(run);

    assertThat(html)
        .doesNotContainIgnoringCase("<script")
        .doesNotContainIgnoringCase("<img")
        .doesNotContain("onerror=")
        .contains("tenant&lt;script&gt;alert(")
        .contains("ref&quot;&gt;&lt;img src")
        .contains("settlement&quot;&gt;&lt;img")
        .contains("acct&quot;&gt;&lt;img")
        .contains("bad &lt;script&gt;")
        .contains("f&lt;script&gt;alert(");
  }

  @Test
  void isSelfContained() {
    String html = render(Fixtures.sampleRun());

    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<meta charset=\"utf-8\">")
        .contains("<style>")
        .doesNotContain("http://")
        .doesNotContain("https://")
        .doesNotContainIgnoringCase("<link")
        .doesNotContainIgnoringCase("<script")
        .doesNotContain("src=")
        .doesNotContain("url(");
  }

  @Test
  void showsHeaderAndHeadlineNumbers() {
    String html = render(Fixtures.sampleRun());

    assertThat(html)
        .contains("<dd id=\"tenant\">acme</dd>")
        .contains("<dd id=\"as-of\">2026-01-31T06:00:00Z</dd>")
        .contains("<li>expected.csv</li><li>adyen_settlement.csv</li><li>camt053.xml</li>")
        .contains("id=\"match-rate\">60.00 %<")
        .contains("6 of 10 records matched")
        .contains("<div>51.50 EUR</div><div>1,200 JPY</div>")
        .contains("id=\"break-count\">4<")
        .contains("id=\"dead-letter-count\">2<");
  }

  @Test
  void tablesMatchesPerLevelAndExceptionsPerReasonAndAge() {
    String html = render(Fixtures.sampleRun());

    assertThat(html)
        .contains(
            "<tr><td>L1</td><td class=\"num\">2</td><td class=\"num\">4</td>"
                + "<td class=\"num\">6</td><td class=\"num\">66.66 %</td><td class=\"num\">2</td></tr>")
        .contains("<tr><td>MANUAL</td>")
        .contains("<td class=\"num\">n/a</td>")
        .contains(
            "<tr><td>DUPLICATE</td><td class=\"num\">1</td><td class=\"num\"><div>7.00 EUR</div></td>"
                + "<td class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">0</td>"
                + "<td class=\"num\">1</td></tr>")
        .contains(
            "<tr><td>MISSING_IN_BANK</td><td class=\"num\">1</td><td class=\"num\"><div>29.50 EUR</div>"
                + "</td><td class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">1</td>");
  }

  @Test
  void listsBreaksPerCurrencyLargestAtRiskFirst() {
    String html = render(Fixtures.sampleRun());

    assertThat(idsInBreakList(html)).containsExactly("ex-2", "ex-1", "ex-3", "ex-4");
    assertThat(html)
        .contains("<td class=\"num\">-7.00</td><td>EUR</td>")
        .contains("<td class=\"num\">1,200</td><td>JPY</td>");
  }

  @Test
  void showsAmountsWithTheCurrencysOwnExponent() {
    ReconciliationRun run =
        Fixtures.run(
            List.of(),
            List.of(
                exception("ex-k", MatchLevel.L1, "R", RecordKind.EXPECTED, "a", 1234, "KWD", AS_OF),
                exception("ex-j", MatchLevel.L1, "R", RecordKind.EXPECTED, "b", 1234, "JPY", AS_OF),
                exception(
                    "ex-e", MatchLevel.L1, "R", RecordKind.EXPECTED, "c", 1234, "EUR", AS_OF)),
            List.of(),
            List.of());

    assertThat(render(run))
        .contains("<div>12.34 EUR</div><div>1,234 JPY</div><div>1.234 KWD</div>");
  }

  @Test
  void showsTrialBalanceAndWhetherEveryEntryBalances() {
    String balanced = render(Fixtures.sampleRun());
    assertThat(balanced)
        .contains("Every entry balances per currency.")
        .doesNotContain("Entries that do not balance")
        .contains(
            "<tr><td class=\"id\">psp_receivable:adyen</td><td>EUR</td><td class=\"num\">30.00</td>"
                + "<td class=\"num\">0.00</td><td class=\"num\">30.00</td></tr>")
        .contains(
            "<tr><th>Total</th><th>JPY</th><th class=\"num\">500,000</th>"
                + "<th class=\"num\">500,000</th><th class=\"num\">0</th></tr>");

    ReconciliationRun unbalancedRun =
        Fixtures.run(
            List.of(),
            List.of(),
            List.of(),
            List.of(
                debit("je-short", AS_OF, "bank:main", 10_000, "EUR"),
                credit("je-short", AS_OF, "bank_in_transit", 9_999, "EUR")));
    assertThat(render(unbalancedRun))
        .contains("Some entries do not balance")
        .contains(
            "<tr><td class=\"id\">je-short</td><td>EUR</td><td class=\"num\">100.00</td>"
                + "<td class=\"num\">99.99</td></tr>");
  }

  @Test
  void listsDeadLettersWithFileLineFieldAndReason() {
    assertThat(render(Fixtures.sampleRun()))
        .contains(
            "<tr><td class=\"id\">adyen_settlement.csv</td><td class=\"num\">17</td>"
                + "<td>Gross Credit (GC)</td><td>adyen-settlement-detail</td>"
                + "<td>amount has 3 decimals, EUR has 2</td></tr>");
  }

  @Test
  void saysSoWhenThereIsNothingToWork() {
    assertThat(render(Fixtures.emptyRun()))
        .contains("No breaks.")
        .contains("No exceptions.")
        .contains("Every input row was read.")
        .contains("id=\"match-rate\">n/a<")
        .contains("<div>none</div>");
  }

  @Test
  void listsAtMostTheLimitOfRowsAndSaysHowManyAreLeftOut() {
    int total = ReportView.MAX_LISTED_ROWS + 2;
    List<ReconException> breaks = new ArrayList<>();
    List<DeadLetter> deadLetters = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      breaks.add(
          exception("ex-" + i, MatchLevel.L1, "R", RecordKind.EXPECTED, "o" + i, i, "EUR", AS_OF));
      deadLetters.add(deadLetter("dl-" + i, "f.csv", i, null, "bad", AS_OF));
    }
    ReconciliationRun run = Fixtures.run(List.of(), breaks, deadLetters, List.of());

    String html = render(run);

    List<String> listed = idsInBreakList(html);
    assertThat(listed).hasSize(ReportView.MAX_LISTED_ROWS);
    assertThat(listed.get(0)).isEqualTo("ex-" + (total - 1));
    assertThat(html)
        .contains("2 more breaks are not listed here; exceptions.csv has them all.")
        .contains("2 more rows are not listed here; dead_letters.csv has them all.")
        .contains("id=\"break-count\">" + total + "<");
  }

  @Test
  void cutsRunawayValuesAtTheDisplayLimitOnACodePointBoundary() {
    String emoji = "\uD83D\uDCB6"; // one code point, two chars
    String longId = emoji.repeat(ReportView.MAX_SHOWN_CODE_POINTS + 50);
    ReconciliationRun run =
        Fixtures.run(
            List.of(),
            List.of(
                exception(
                    "ex-1", MatchLevel.L1, "R", RecordKind.EXPECTED, longId, 1, "EUR", AS_OF)),
            List.of(),
            List.of());

    String html = render(run);

    assertThat(html)
        .contains(">" + emoji.repeat(ReportView.MAX_SHOWN_CODE_POINTS) + "\u2026<")
        .doesNotContain(emoji.repeat(ReportView.MAX_SHOWN_CODE_POINTS + 1));
    assertThat(ReportView.shown("short")).isEqualTo("short");
  }

  private static List<String> idsInBreakList(String html) {
    String list = html.substring(html.indexOf("<section id=\"exceptions\">"));
    list = list.substring(0, list.indexOf("</section>"));
    Matcher matcher = Pattern.compile("<tr><td class=\"id\">([^<]*)</td>").matcher(list);
    List<String> ids = new ArrayList<>();
    while (matcher.find()) {
      ids.add(matcher.group(1));
    }
    return ids;
  }
}
