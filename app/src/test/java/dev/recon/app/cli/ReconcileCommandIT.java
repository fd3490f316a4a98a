package dev.recon.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.app.demo.DemoDataGenerator;
import dev.recon.app.platform.Platform;
import dev.recon.app.platform.PlatformConfig;
import dev.recon.ledger.db.LedgerQueries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * {@code recon reconcile} end to end, exactly as a user runs it: the embedded Kafka broker,
 * PostgreSQL and Flink MiniCluster, the generated settlement cycle in the real layouts, the five
 * contract files, and the ledger in PostgreSQL — twice on the same data folder.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ReconcileCommandIT {
  private static final String TENANT = "acme";
  private static final Pattern NEWLY_POSTED = Pattern.compile("(\\d+) newly posted");

  @TempDir static Path work;
  static DemoDataGenerator.TenantFiles files;
  static Path dataDir;

  @BeforeAll
  static void generate() throws IOException {
    dataDir = work.resolve("data");
    files =
        DemoDataGenerator.write(
            new DemoDataGenerator.Scenario(
                TENANT, "AcmeShop", 7L, LocalDate.parse("2026-10-05"), 6, true),
            work.resolve("input"));
  }

  private static CliRun reconcile(Path out, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "reconcile",
                "--tenant",
                TENANT,
                "--expected",
                files.expected().toString(),
                "--psp",
                files.psp().toString(),
                "--bank",
                files.bank().toString(),
                "--out",
                out.toString(),
                "--as-of",
                "2026-10-20T00:00:00Z",
                "--data-dir",
                dataDir.toString()));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  @Order(1)
  void firstRunWritesTheContractFilesAndPostsABalancedLedger() throws Exception {
    Path out = work.resolve("out1");
    CliRun run = reconcile(out, "--report-formats", "pdf,xlsx");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    for (String f :
        List.of("matches.csv", "exceptions.csv", "journal.csv", "report.html", "summary.json")) {
      assertThat(out.resolve(f)).as(f).isNotEmptyFile();
    }
    // the daily report in the formats asked for, beside report.html
    assertThat(java.nio.file.Files.readAllBytes(out.resolve("report.pdf")))
        .startsWith("%PDF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertThat(java.nio.file.Files.readAllBytes(out.resolve("report.xlsx")))
        .startsWith(new byte[] {'P', 'K'});

    List<CSVRecord> matches = csv(out.resolve("matches.csv"));
    assertThat(header(out.resolve("matches.csv")))
        .isEqualTo("match_id,level,rule,record_kind,record_id,amount_minor,currency");
    Set<String> levels = new HashSet<>();
    matches.forEach(r -> levels.add(r.get("level")));
    assertThat(levels).contains("L1", "L3", "L4");
    // L1 pairs an expected payment with a PSP capture of the same amount.
    assertThat(matches.stream().filter(r -> r.get("level").equals("L1")))
        .extracting(r -> r.get("record_kind"))
        .contains("EXPECTED", "PSP_TXN");
    // The EUR and USD batches each match their payout; only one payout reached the bank.
    assertThat(
            matches.stream()
                .filter(r -> r.get("level").equals("L3") && r.get("record_kind").equals("PAYOUT"))
                .count())
        .isEqualTo(2);
    assertThat(
            matches.stream()
                .filter(
                    r -> r.get("level").equals("L4") && r.get("record_kind").equals("BANK_LINE"))
                .count())
        .isEqualTo(1);

    assertThat(header(out.resolve("exceptions.csv")))
        .isEqualTo(
            "exception_id,reason,record_kind,record_id,amount_minor,currency,detected_at,age_days");
    Set<String> reasons = new HashSet<>();
    csv(out.resolve("exceptions.csv")).forEach(r -> reasons.add(r.get("reason")));
    assertThat(reasons)
        .contains(
            "MISSING_IN_PSP",
            "MISSING_EXPECTED",
            "AMOUNT_MISMATCH",
            "MISSING_IN_BANK",
            "UNMATCHED_BANK_LINE");

    assertThat(header(out.resolve("journal.csv")))
        .isEqualTo(
            "entry_id,booked_at,account,debit_minor,credit_minor,currency,source_kind,source_id");
    List<CSVRecord> journal = csv(out.resolve("journal.csv"));
    assertThat(journal).isNotEmpty();
    Map<String, Long> balance = new HashMap<>();
    for (CSVRecord r : journal) {
      balance.merge(
          r.get("entry_id") + "/" + r.get("currency"),
          Long.parseLong(r.get("debit_minor")) - Long.parseLong(r.get("credit_minor")),
          Long::sum);
    }
    assertThat(balance.values()).as("every entry balances per currency").allMatch(v -> v == 0L);
    assertThat(newlyPosted(run)).isEqualTo(distinctEntries(journal)).isPositive();
    assertThat(run.out()).contains("balanced: yes");
  }

  @Test
  @Order(2)
  void secondIdenticalRunPostsNothingNewAndWritesTheSameFiles() throws Exception {
    CliRun run = reconcile(work.resolve("out2"));
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(newlyPosted(run)).as(run.toString()).isZero();
    for (String f : List.of("matches.csv", "exceptions.csv", "journal.csv")) {
      assertThat(Files.readString(work.resolve("out2").resolve(f)))
          .as(f)
          .isEqualTo(Files.readString(work.resolve("out1").resolve(f)));
    }
    // The ledger in PostgreSQL holds each entry once, and nothing unbalanced.
    try (Platform p = PlatformLauncher.start(PlatformConfig.embedded().withDataDir(dataDir))) {
      LedgerQueries ledger = new LedgerQueries(p.database().appDataSource());
      assertThat(ledger.entryCount(TENANT))
          .isEqualTo(distinctEntries(csv(work.resolve("out1").resolve("journal.csv"))));
      assertThat(ledger.unbalancedEntries(TENANT)).isEmpty();
      assertThat(ledger.entryCount("someone-else")).isZero();
    }
  }

  @Test
  @Order(3)
  void badInputIsReportedWithFileAndLineAndDoesNotStopTheRun() throws Exception {
    Path bad = work.resolve("bad");
    Files.createDirectories(bad);
    Path truncated = bad.resolve("expected-truncated.csv");
    Files.writeString(
        truncated,
        "expected_id,merchant_reference,psp,amount,currency,expected_at\n"
            + "e1,ORD-1,adyen,10.00,EUR,2026-10-05\n"
            + "e2,ORD-2,adyen,12.50,XXX,2026-10-05\n"
            + "e3,ORD-3,adyen,",
        StandardCharsets.UTF_8);
    Path unknown = bad.resolve("mystery.txt");
    Files.writeString(unknown, "hello, this is not a settlement report\n", StandardCharsets.UTF_8);
    Path out = work.resolve("out-bad");
    CliRun run =
        CliRun.of(
            "reconcile",
            "--tenant",
            "badco",
            "--expected",
            truncated.toString(),
            "--psp",
            unknown.toString(),
            "--out",
            out.toString(),
            "--data-dir",
            dataDir.toString());
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).contains("mystery.txt").contains("unknown format");
    assertThat(run.err()).contains("expected-truncated.csv:3").contains("expected-truncated.csv:4");
    List<CSVRecord> exceptions = csv(out.resolve("exceptions.csv"));
    assertThat(exceptions)
        .extracting(r -> r.get("reason") + " " + r.get("record_id"))
        .contains(
            "PARSE_ERROR expected-truncated.csv:3",
            "PARSE_ERROR expected-truncated.csv:4",
            "PARSE_ERROR mystery.txt:0");
    // The good row still flowed: it is an expected payment nobody captured.
    assertThat(exceptions).extracting(r -> r.get("record_id")).contains("e1");
  }

  @Test
  @Order(4)
  void exitsNonZeroOnlyWhenNothingCouldRun() throws Exception {
    Path unknown = work.resolve("only-unknown.bin");
    Files.writeString(unknown, "\u0001\u0002 binary-ish", StandardCharsets.UTF_8);
    CliRun run =
        CliRun.of(
            "reconcile",
            "--tenant",
            "x",
            "--psp",
            unknown.toString(),
            "--out",
            work.resolve("out-none").toString(),
            "--data-dir",
            dataDir.toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.err()).contains("only-unknown.bin").contains("nothing to reconcile");

    CliRun usage = CliRun.of("reconcile", "--tenant", "x");
    assertThat(usage.exitCode()).isEqualTo(2);
  }

  @Test
  @Order(5)
  void tryRulesShowsWhatARuleChangeWouldDoAndBooksNothing() throws Exception {
    Path rules = work.resolve("wider.yaml");
    Files.writeString(
        rules,
        """
        rules:
          - name: one-euro-wider
            priority: 5
            confidence: 70
            amount:
              absolute_minor: 100
        """,
        StandardCharsets.UTF_8);
    Path dryData = work.resolve("dry-data");
    Path out = work.resolve("out-dry");
    List<String> args =
        new ArrayList<>(
            List.of(
                "reconcile",
                "--tenant",
                TENANT,
                "--expected",
                files.expected().toString(),
                "--psp",
                files.psp().toString(),
                "--bank",
                files.bank().toString(),
                "--out",
                out.toString(),
                "--as-of",
                "2026-10-20T00:00:00Z",
                "--data-dir",
                dryData.toString(),
                "--try-rules",
                rules.toString()));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.toString()).isZero();

    // The capture 1.00 off its order was an AMOUNT_MISMATCH; the wider rule matches it at L2.
    List<CSVRecord> changes = csv(out.resolve("rule-change.csv"));
    assertThat(header(out.resolve("rule-change.csv")))
        .isEqualTo("change,record_kind,record_id,current,proposed");
    assertThat(changes)
        .anySatisfy(
            r -> {
              assertThat(r.get("change")).isEqualTo("NEWLY_MATCHED");
              assertThat(r.get("record_kind")).isEqualTo("EXPECTED");
              assertThat(r.get("current")).contains("break AMOUNT_MISMATCH");
              assertThat(r.get("proposed")).isEqualTo("L2 one-euro-wider");
            });
    assertThat(run.out()).contains("rule change: ").contains("newly matched");
    // Both runs wrote their full contract files; the proposed journal shows the extra booking.
    assertThat(csv(out.resolve("proposed").resolve("journal.csv")).size())
        .isGreaterThan(csv(out.resolve("current").resolve("journal.csv")).size());

    // A dry run books nothing.
    try (Platform p = PlatformLauncher.start(PlatformConfig.embedded().withDataDir(dryData))) {
      assertThat(new LedgerQueries(p.database().appDataSource()).entryCount(TENANT)).isZero();
    }
  }

  private static long newlyPosted(CliRun run) {
    Matcher m = NEWLY_POSTED.matcher(run.out());
    assertThat(m.find()).as(run.toString()).isTrue();
    return Long.parseLong(m.group(1));
  }

  private static long distinctEntries(List<CSVRecord> journal) {
    return journal.stream().map(r -> r.get("entry_id")).distinct().count();
  }

  private static String header(Path csv) throws IOException {
    return Files.readAllLines(csv, StandardCharsets.UTF_8).get(0);
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
