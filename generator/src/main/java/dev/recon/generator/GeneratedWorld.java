package dev.recon.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A generated world: the records of every source as the files will carry them, and the truth of
 * what the pipeline must match and break. {@link #writeTo} renders it in the real layouts.
 *
 * @param adyenRows the Adyen settlement report's rows in file order, payouts included
 * @param stripeRows Stripe's balance transactions, each with its automatic payout
 * @param stripePayouts Stripe's payouts
 */
public record GeneratedWorld(
    GeneratorSpec spec,
    List<ExpectedRow> expected,
    List<PspRow> adyenRows,
    String adyenMerchantAccount,
    List<PspRow> stripeRows,
    List<PspRow> stripePayouts,
    List<BankEntry> bankEntries,
    List<TruthMatch> truthMatches,
    List<TruthBreak> truthBreaks) {

  public static final String EXPECTED_FILE = "expected-payments.csv";
  public static final String ADYEN_FILE = "adyen_settlement_detail_report.csv";
  public static final String STRIPE_RECONCILIATION_FILE =
      "stripe_payout_reconciliation_itemized.csv";
  public static final String STRIPE_PAYOUTS_FILE = "stripe_payouts_itemized.csv";
  public static final String BANK_FILE = "camt053.xml";
  public static final String TRUTH_MATCHES_FILE = "truth-matches.csv";
  public static final String TRUTH_EXCEPTIONS_FILE = "truth-exceptions.csv";
  public static final String RULES_FILE = "tolerance-rules.yaml";

  public GeneratedWorld {
    expected = List.copyOf(expected);
    adyenRows = List.copyOf(adyenRows);
    stripeRows = List.copyOf(stripeRows);
    stripePayouts = List.copyOf(stripePayouts);
    bankEntries = List.copyOf(bankEntries);
    truthMatches = List.copyOf(truthMatches);
    truthBreaks = List.copyOf(truthBreaks);
  }

  /** Writes the data files, the truth files and the rules file into {@code dir}. */
  public WorldFiles writeTo(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path expectedFile = write(dir, EXPECTED_FILE, ExpectedPaymentsCsv.render(expected));
    List<Path> psp = new ArrayList<>();
    if (!adyenRows.isEmpty()) {
      String company =
          adyenMerchantAccount.replace(SettlementCycle.MERCHANT_ACCOUNT_SUFFIX, "Group");
      psp.add(
          write(
              dir,
              ADYEN_FILE,
              AdyenSettlementReport.render(company, adyenMerchantAccount, adyenRows)));
    }
    if (!stripeRows.isEmpty()) {
      psp.add(write(dir, STRIPE_RECONCILIATION_FILE, StripeReports.reconciliation(stripeRows)));
      psp.add(write(dir, STRIPE_PAYOUTS_FILE, StripeReports.payouts(stripePayouts)));
    }
    List<Path> bank = new ArrayList<>();
    if (!bankEntries.isEmpty()) {
      bank.add(
          write(
              dir,
              BANK_FILE,
              Camt053Statement.render(spec.tenant(), spec.currencies(), bankEntries)));
    }
    return new WorldFiles(
        expectedFile,
        psp,
        bank,
        write(dir, TRUTH_MATCHES_FILE, TruthFiles.matches(truthMatches)),
        write(dir, TRUTH_EXCEPTIONS_FILE, TruthFiles.exceptions(truthBreaks)),
        write(dir, RULES_FILE, ToleranceRulesFile.render(spec)));
  }

  /** Every PSP record, Adyen then Stripe (payouts included). */
  public List<PspRow> pspRecords() {
    List<PspRow> all = new ArrayList<>(adyenRows);
    all.addAll(stripeRows);
    all.addAll(stripePayouts);
    return all;
  }

  /** Every record id of the world, as matches.csv names them. */
  public List<RecordRef> records() {
    List<RecordRef> all = new ArrayList<>();
    expected.forEach(e -> all.add(e.ref()));
    pspRecords().forEach(r -> all.add(r.ref()));
    bankEntries.forEach(b -> all.add(b.ref()));
    return all;
  }

  /** How many matches and breaks each kind of noise planted. */
  public Map<Noise, Integer> noiseCounts() {
    Map<Noise, Integer> counts = new EnumMap<>(Noise.class);
    truthMatches.forEach(m -> counts.merge(m.noise(), 1, Integer::sum));
    truthBreaks.forEach(b -> counts.merge(b.noise(), 1, Integer::sum));
    return counts;
  }

  private static Path write(Path dir, String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }
}
