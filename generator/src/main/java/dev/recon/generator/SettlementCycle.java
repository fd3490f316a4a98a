package dev.recon.generator;

import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.PaymentEventType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Settles the PSP rows: Adyen in daily batches (by the Central European day the row was created)
 * paid out two days later per currency, with the odd MiscCosts row; Stripe in daily automatic
 * payouts per currency of the balance that became available (two days after the charge). Each batch
 * and currency with its payout is one L3 truth match.
 */
final class SettlementCycle {
  static final String BATCH_RULE = "batch-net-sum";

  /** Adyen writes local time; the generated reports say CET, UTC+1. */
  static final ZoneOffset CET = ZoneOffset.ofHours(1);

  static final double MISC_COSTS_RATE = 0.3;
  static final int STRIPE_AVAILABLE_AFTER_DAYS = 2;
  static final int ADYEN_PAYOUT_AFTER_DAYS = 2;
  static final String MERCHANT_ACCOUNT_SUFFIX = "ShopEU";

  private static final Comparator<PspRow> FILE_ORDER =
      Comparator.comparing(PspRow::at).thenComparing(PspRow::id);

  private final GeneratorSpec spec;
  private final SplittableRandom random;
  private final IdMint ids;

  /** Adyen's report rows in file order: each batch's rows, its cost rows, then its payouts. */
  final List<PspRow> adyenRows = new ArrayList<>();

  final List<PspRow> stripeRows = new ArrayList<>();
  final List<PspRow> stripePayouts = new ArrayList<>();
  final List<TruthMatch> matches = new ArrayList<>();
  private int matchSeq;

  SettlementCycle(GeneratorSpec spec, SplittableRandom random, IdMint ids) {
    this.spec = spec;
    this.random = random;
    this.ids = ids;
  }

  /** Every payout, Adyen then Stripe, each in the order it was reported. */
  List<PspRow> payouts() {
    List<PspRow> all = new ArrayList<>();
    adyenRows.stream().filter(r -> r.type() == PaymentEventType.PAYOUT).forEach(all::add);
    all.addAll(stripePayouts);
    return all;
  }

  String merchantAccount() {
    return Character.toUpperCase(spec.tenant().charAt(0))
        + spec.tenant().substring(1).replace("-", "")
        + MERCHANT_ACCOUNT_SUFFIX;
  }

  void run(List<PspRow> rows) {
    adyen(rows.stream().filter(r -> r.psp().equals(Psps.ADYEN)).sorted(FILE_ORDER).toList());
    stripe(rows.stream().filter(r -> r.psp().equals(Psps.STRIPE)).sorted(FILE_ORDER).toList());
  }

  private void adyen(List<PspRow> rows) {
    Map<LocalDate, List<PspRow>> byDay = new TreeMap<>();
    for (PspRow row : rows) {
      byDay.computeIfAbsent(LocalDate.ofInstant(row.at(), CET), d -> new ArrayList<>()).add(row);
    }
    int batchNumber = 1000 + random.nextInt(8000);
    for (Map.Entry<LocalDate, List<PspRow>> day : byDay.entrySet()) {
      String batch = Integer.toString(batchNumber++);
      Map<String, List<PspRow>> byCurrency = byCurrency(day.getValue(), batch);
      List<PspRow> costs = new ArrayList<>();
      for (Map.Entry<String, List<PspRow>> c : byCurrency.entrySet()) {
        c.getValue().forEach(adyenRows::add);
      }
      for (String currency : byCurrency.keySet()) {
        if (random.nextDouble() < MISC_COSTS_RATE) {
          long cost = 50 + random.nextLong(1_950);
          Instant at = day.getKey().atTime(23, 0).toInstant(CET);
          // Cost rows carry no reference: the parser names them by batch, type and file line.
          int line = adyenRows.size() + costs.size() + 2;
          PspRow row =
              new PspRow(
                  Psps.ADYEN,
                  PaymentEventType.FEE,
                  "MiscCosts",
                  batch + "-MiscCosts-L" + line,
                  "",
                  "",
                  "",
                  "",
                  "",
                  -cost,
                  0,
                  currency,
                  at,
                  batch,
                  "");
          costs.add(row);
          byCurrency.get(currency).add(row);
        }
      }
      adyenRows.addAll(costs);
      Instant payoutAt =
          day.getKey().plusDays(ADYEN_PAYOUT_AFTER_DAYS).atTime(6, 15).toInstant(CET);
      String transfer = ids.adyenTransfer();
      for (Map.Entry<String, List<PspRow>> c : byCurrency.entrySet()) {
        long net = c.getValue().stream().mapToLong(PspRow::netMinor).sum();
        PspRow payout =
            new PspRow(
                Psps.ADYEN,
                PaymentEventType.PAYOUT,
                "MerchantPayout",
                batch + "-" + c.getKey(),
                "",
                "",
                "",
                "",
                "",
                net,
                0,
                c.getKey(),
                payoutAt,
                batch,
                transfer + " batch " + batch + ", " + merchantAccount());
        adyenRows.add(payout);
        settle(Psps.ADYEN, c.getValue(), payout);
      }
    }
  }

  private void stripe(List<PspRow> rows) {
    Map<LocalDate, List<PspRow>> byDay = new TreeMap<>();
    for (PspRow row : rows) {
      LocalDate available =
          LocalDate.ofInstant(row.at(), ZoneOffset.UTC).plusDays(STRIPE_AVAILABLE_AFTER_DAYS);
      byDay.computeIfAbsent(available, d -> new ArrayList<>()).add(row);
    }
    for (Map.Entry<LocalDate, List<PspRow>> day : byDay.entrySet()) {
      Map<String, String> payoutIds = new TreeMap<>();
      for (PspRow row : day.getValue()) {
        payoutIds.computeIfAbsent(row.currency(), c -> ids.stripe("po"));
      }
      Map<String, List<PspRow>> byCurrency = new TreeMap<>();
      for (PspRow row : day.getValue()) {
        PspRow settled = row.inBatch(payoutIds.get(row.currency()));
        stripeRows.add(settled);
        byCurrency.computeIfAbsent(row.currency(), c -> new ArrayList<>()).add(settled);
      }
      Instant payoutAt = day.getKey().atStartOfDay().toInstant(ZoneOffset.UTC);
      for (Map.Entry<String, List<PspRow>> c : byCurrency.entrySet()) {
        String payoutId = payoutIds.get(c.getKey());
        long net = c.getValue().stream().mapToLong(PspRow::netMinor).sum();
        PspRow payout =
            new PspRow(
                Psps.STRIPE,
                PaymentEventType.PAYOUT,
                "payout",
                payoutId,
                "",
                payoutId,
                ids.stripe("txn"),
                "",
                "",
                net,
                0,
                c.getKey(),
                payoutAt,
                payoutId,
                "");
        stripePayouts.add(payout);
        settle(Psps.STRIPE, c.getValue(), payout);
      }
    }
  }

  /** The rows of one Adyen batch by currency (in spec order), each marked with the batch. */
  private Map<String, List<PspRow>> byCurrency(List<PspRow> rows, String batch) {
    Map<String, List<PspRow>> byCurrency =
        new TreeMap<>(Comparator.comparingInt(c -> spec.currencies().indexOf(c)));
    for (PspRow row : rows) {
      byCurrency.computeIfAbsent(row.currency(), c -> new ArrayList<>()).add(row.inBatch(batch));
    }
    return byCurrency;
  }

  private void settle(String psp, List<PspRow> rows, PspRow payout) {
    List<RecordRef> members = new ArrayList<>();
    rows.forEach(r -> members.add(r.ref()));
    members.add(payout.ref());
    matches.add(
        new TruthMatch(
            String.format("TL3-%06d", ++matchSeq),
            MatchLevel.L3,
            BATCH_RULE,
            psp,
            Noise.NONE,
            members));
  }

  /** The last day anything is paid out on. */
  static LocalDate lastPayoutDay(List<PspRow> payouts) {
    return payouts.stream()
        .map(p -> LocalDate.ofInstant(p.at(), ZoneOffset.UTC))
        .max(Comparator.naturalOrder())
        .orElseThrow();
  }
}
