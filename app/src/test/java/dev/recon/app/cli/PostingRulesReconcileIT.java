package dev.recon.app.cli;

import static dev.recon.app.pipeline.PostingTableFixtures.POOLED_RECEIVABLE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.app.pipeline.PostingTableFixtures;
import dev.recon.app.platform.Platform;
import dev.recon.app.platform.PlatformConfig;
import dev.recon.ledger.db.LedgerQueries;
import dev.recon.ledger.db.TrialBalanceLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code recon reconcile --posting-rules acme=FILE}: a finance team books every PSP receivable to
 * one account of its own ({@value PostingTableFixtures#POOLED_RECEIVABLE}) while another tenant in
 * the same database keeps the built-in table's per-PSP receivables; a replay posts nothing new.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class PostingRulesReconcileIT {
  private static final Pattern NEWLY_POSTED = Pattern.compile("(\\d+) newly posted");
  private static final String BUILT_IN_RECEIVABLE = "psp_receivable:adyen";

  private static final String ADYEN_HEADER =
      "Company Account,Merchant Account,Psp Reference,Merchant Reference,Payment Method,"
          + "Creation Date,TimeZone,Type,Modification Reference,Gross Currency,Gross Debit (GC),"
          + "Gross Credit (GC),Exchange Rate,Net Currency,Net Debit (NC),Net Credit (NC),"
          + "Commission (NC),Markup (NC),Scheme Fees (NC),Interchange (NC),"
          + "Payment Method Variant,Modification Merchant Reference,Batch Number,Reserved4,"
          + "Reserved5,Reserved6,Reserved7,Reserved8,Reserved9,Reserved10,Booking Date,"
          + "Booking Date TimeZone,Metadata,Merchant Order Reference";

  @TempDir static Path work;
  static Path dataDir;
  static Path table;

  @BeforeAll
  static void writeFixtures() throws IOException {
    dataDir = work.resolve("data");
    table =
        PostingTableFixtures.write(
            work.resolve("acme-posting-rules.yaml"), PostingTableFixtures.pooledReceivableYaml());
    for (String tenant : List.of("acme", "beta")) {
      Path in = Files.createDirectories(work.resolve("in-" + tenant));
      String ref = tenant.toUpperCase(java.util.Locale.ROOT) + "-ORD-";
      Files.writeString(
          in.resolve("expected.csv"),
          "expected_id,merchant_reference,psp,amount,currency,expected_at,customer_id\n"
              + "exp-1,"
              + ref
              + "1,adyen,100.00,EUR,2026-10-05,cust-1\n"
              + "exp-2,"
              + ref
              + "2,adyen,40.00,EUR,2026-10-05,cust-2\n",
          StandardCharsets.UTF_8);
      // two captures (gross 100.00 and 40.00, fees 1.50 and 0.80) and the batch's payout of 137.70
      Files.writeString(
          in.resolve("settlement_detail_report_batch_4711.csv"),
          ADYEN_HEADER
              + "\n"
              + adyenRow(
                  tenant,
                  "PSPREFONE" + tenant,
                  ref + "1",
                  "09:10",
                  "Settled",
                  "",
                  "100.00",
                  "98.50",
                  "1.20",
                  "0.30")
              + "\n"
              + adyenRow(
                  tenant,
                  "PSPREFTWO" + tenant,
                  ref + "2",
                  "09:40",
                  "Settled",
                  "",
                  "40.00",
                  "39.20",
                  "0.50",
                  "0.30")
              + "\n"
              + adyenRow(
                  tenant,
                  "",
                  "",
                  "06:15",
                  "MerchantPayout",
                  "\"TX4000000001XT batch 4711, " + tenant + "\"",
                  "",
                  "137.70",
                  "",
                  "")
              + "\n",
          StandardCharsets.UTF_8);
    }
  }

  /** One row of an Adyen Settlement details report (34 columns), batch 4711. */
  @SuppressWarnings("TooManyParameters")
  private static String adyenRow(
      String tenant,
      String pspReference,
      String merchantReference,
      String time,
      String type,
      String modification,
      String grossCredit,
      String net,
      String commission,
      String interchange) {
    boolean payout = type.equals("MerchantPayout");
    String day = payout ? "2026-10-07" : "2026-10-05";
    return String.join(
        ",",
        "DemoCompany",
        tenant + "Shop",
        pspReference,
        merchantReference,
        payout ? "" : "visa",
        day + " " + time + ":00",
        "CET",
        type,
        payout ? modification : pspReference + "M",
        payout ? "" : "EUR",
        "",
        grossCredit,
        payout ? "" : "1",
        "EUR",
        payout ? net : "",
        payout ? "" : net,
        commission,
        "",
        "",
        interchange,
        payout ? "" : "visacredit",
        "",
        "4711",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        day + " 23:00:00",
        "CET",
        "",
        "");
  }

  private static CliRun reconcile(String tenant, Path out) {
    Path in = work.resolve("in-" + tenant);
    return CliRun.of(
        "reconcile",
        "--tenant",
        tenant,
        "--expected",
        in.resolve("expected.csv").toString(),
        "--psp",
        in.resolve("settlement_detail_report_batch_4711.csv").toString(),
        "--out",
        out.toString(),
        "--as-of",
        "2026-10-20T00:00:00Z",
        "--data-dir",
        dataDir.toString(),
        // the same option for both tenants: only acme has a table of its own
        "--posting-rules",
        "acme=" + table);
  }

  @Test
  @Order(1)
  void theTenantWithItsOwnTableBooksTheRenamedAccountAndEveryEntryBalances() throws Exception {
    CliRun run = reconcile("acme", work.resolve("out-acme"));
    assertThat(run.exitCode()).as(run.toString()).isZero();
    List<CSVRecord> journal = csv(work.resolve("out-acme").resolve("journal.csv"));

    assertThat(accounts(journal)).contains(POOLED_RECEIVABLE, "payments_clearing", "psp_fees");
    assertThat(accounts(journal)).noneMatch(a -> a.equals(BUILT_IN_RECEIVABLE));
    assertBalanced(journal);
    // both captures (L1) and their settlement (L3) are booked
    assertThat(journal.stream().map(r -> r.get("source_kind")).distinct())
        .contains("MATCH_L1", "MATCH_L3");
    assertThat(newlyPosted(run)).isEqualTo(distinctEntries(journal)).isPositive();
  }

  @Test
  @Order(2)
  void anotherTenantInTheSameDatabaseKeepsTheBuiltInAccounts() throws Exception {
    CliRun run = reconcile("beta", work.resolve("out-beta"));
    assertThat(run.exitCode()).as(run.toString()).isZero();
    List<CSVRecord> journal = csv(work.resolve("out-beta").resolve("journal.csv"));

    assertThat(accounts(journal)).contains(BUILT_IN_RECEIVABLE, "payments_clearing", "psp_fees");
    assertThat(accounts(journal)).doesNotContain(POOLED_RECEIVABLE);
    assertBalanced(journal);
  }

  @Test
  @Order(3)
  void aReplayWithTheSameTablePostsNothingAndTheLedgerHoldsEachTenantsAccounts() throws Exception {
    CliRun replay = reconcile("acme", work.resolve("out-acme-again"));
    assertThat(replay.exitCode()).as(replay.toString()).isZero();
    assertThat(newlyPosted(replay)).as(replay.toString()).isZero();

    try (Platform p = PlatformLauncher.start(PlatformConfig.embedded().withDataDir(dataDir))) {
      LedgerQueries ledger = new LedgerQueries(p.database().appDataSource());
      assertThat(ledger.entryCount("acme"))
          .isEqualTo(distinctEntries(csv(work.resolve("out-acme").resolve("journal.csv"))));
      assertThat(ledger.unbalancedEntries("acme")).isEmpty();
      assertThat(ledger.unbalancedEntries("beta")).isEmpty();
      Set<String> acme = new TreeSet<>();
      ledger.trialBalance("acme").forEach(l -> acme.add(l.account()));
      Set<String> beta = new TreeSet<>();
      ledger.trialBalance("beta").forEach(l -> beta.add(l.account()));
      assertThat(acme).contains(POOLED_RECEIVABLE).doesNotContain(BUILT_IN_RECEIVABLE);
      assertThat(beta).contains(BUILT_IN_RECEIVABLE).doesNotContain(POOLED_RECEIVABLE);
      // the same activity, booked to differently named receivables: the same balance
      assertThat(balance(ledger.trialBalance("acme"), POOLED_RECEIVABLE))
          .isEqualTo(balance(ledger.trialBalance("beta"), BUILT_IN_RECEIVABLE));
    }
  }

  private static long balance(List<TrialBalanceLine> lines, String account) {
    return lines.stream()
        .filter(l -> l.account().equals(account))
        .mapToLong(TrialBalanceLine::balanceMinor)
        .sum();
  }

  private static Set<String> accounts(List<CSVRecord> journal) {
    Set<String> accounts = new TreeSet<>();
    journal.forEach(r -> accounts.add(r.get("account")));
    return accounts;
  }

  private static void assertBalanced(List<CSVRecord> journal) {
    assertThat(journal).isNotEmpty();
    Map<String, Long> balance = new HashMap<>();
    for (CSVRecord r : journal) {
      balance.merge(
          r.get("entry_id") + "/" + r.get("currency"),
          Long.parseLong(r.get("debit_minor")) - Long.parseLong(r.get("credit_minor")),
          Long::sum);
    }
    assertThat(balance.values()).as("every entry balances per currency").allMatch(v -> v == 0L);
  }

  private static long newlyPosted(CliRun run) {
    Matcher m = NEWLY_POSTED.matcher(run.out());
    assertThat(m.find()).as(run.toString()).isTrue();
    return Long.parseLong(m.group(1));
  }

  private static long distinctEntries(List<CSVRecord> journal) {
    return journal.stream().map(r -> r.get("entry_id")).distinct().count();
  }

  private static List<CSVRecord> csv(Path file) throws IOException {
    try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(reader)
          .getRecords();
    }
  }
}
