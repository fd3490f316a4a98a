package dev.recon.generator;

import dev.recon.schemas.MatchLevel;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The bank side: each payout arrives as a statement credit (a negative payout as a debit) a day or
 * so later, carrying the PSP's reference, unless payout noise says otherwise; plus bank lines that
 * are no payout at all. Gives the L4 truth.
 */
final class CashArrival {
  static final String REFERENCE_RULE = "amount-reference";
  static final String BANK_FEE_RULE = "bank-fee-reference";
  static final String AGGREGATED_RULE = "aggregated-payouts";

  /** Payouts one bank line may aggregate: the next payout of the same PSP within this many days. */
  static final int AGGREGATION_DAYS = 1;

  private static final List<String> UNRELATED_TEXTS =
      List.of(
          "CREDIT INTEREST",
          "ACCOUNT MAINTENANCE CHARGES",
          "SEPA CT SUPPLIER INVOICE OFFICE RENT",
          "CARD SETTLEMENT TERMINAL SHOP",
          "TAX AUTHORITY VAT",
          "CUSTOMER BANK TRANSFER INVOICE");

  private final GeneratorSpec spec;
  private final SplittableRandom random;
  private final IdMint ids;

  final List<BankEntry> entries = new ArrayList<>();
  final List<TruthMatch> matches = new ArrayList<>();
  final List<TruthBreak> breaks = new ArrayList<>();
  private final Set<String> payoutAmounts = new HashSet<>();
  private int matchSeq;

  CashArrival(GeneratorSpec spec, SplittableRandom random, IdMint ids) {
    this.spec = spec;
    this.random = random;
    this.ids = ids;
  }

  void run(List<PspRow> payouts) {
    payouts.forEach(p -> payoutAmounts.add(amountKey(p.currency(), p.grossMinor())));
    Set<String> done = new HashSet<>();
    NoiseRates r = spec.noise();
    for (int i = 0; i < payouts.size(); i++) {
      PspRow payout = payouts.get(i);
      if (!done.add(payout.id())) {
        continue;
      }
      if (payout.grossMinor() == 0) {
        missing(payout, Noise.ZERO_PAYOUT);
        continue;
      }
      double u = random.nextDouble();
      if (u < r.missingInBank()) {
        missing(payout, Noise.PAYOUT_NOT_AT_BANK);
      } else if (u < r.missingInBank() + r.bankFee() && payout.grossMinor() > 0) {
        long fee = 1 + random.nextLong(spec.maxBankFeeMinor());
        long credited = payout.grossMinor() - fee;
        if (credited <= 0 || payoutAmounts.contains(amountKey(payout.currency(), credited))) {
          plain(payout);
        } else {
          BankEntry line =
              line(payout.currency(), credited, valueDate(payout), text(payout, List.of(payout)));
          match(
              BANK_FEE_RULE,
              payout.psp(),
              Noise.BANK_FEE_DEDUCTED,
              List.of(payout.ref(), line.ref()));
        }
      } else if (u < r.missingInBank() + r.bankFee() + r.aggregatedPayouts()
          && payout.grossMinor() > 0) {
        PspRow next = partner(payouts, i, done);
        long sum = next == null ? 0 : payout.grossMinor() + next.grossMinor();
        if (next == null || payoutAmounts.contains(amountKey(payout.currency(), sum))) {
          plain(payout);
        } else {
          done.add(next.id());
          BankEntry line =
              line(payout.currency(), sum, valueDate(next), text(payout, List.of(payout, next)));
          match(
              AGGREGATED_RULE,
              payout.psp(),
              Noise.BANK_AGGREGATED,
              List.of(payout.ref(), next.ref(), line.ref()));
        }
      } else {
        plain(payout);
      }
    }
    unrelated();
  }

  private void plain(PspRow payout) {
    BankEntry line =
        line(
            payout.currency(),
            payout.grossMinor(),
            valueDate(payout),
            text(payout, List.of(payout)));
    match(REFERENCE_RULE, payout.psp(), Noise.NONE, List.of(payout.ref(), line.ref()));
  }

  private void missing(PspRow payout, Noise noise) {
    breaks.add(
        new TruthBreak(
            BreakCode.MISSING_IN_BANK,
            MatchLevel.L4,
            payout.ref(),
            Math.abs(payout.grossMinor()),
            payout.currency(),
            payout.psp(),
            noise));
  }

  /** The next positive payout of the same PSP and currency, paid within a day, not yet placed. */
  private static PspRow partner(List<PspRow> payouts, int index, Set<String> done) {
    PspRow first = payouts.get(index);
    LocalDate firstDay = payoutDate(first);
    for (int j = index + 1; j < payouts.size(); j++) {
      PspRow p = payouts.get(j);
      long days = ChronoUnit.DAYS.between(firstDay, payoutDate(p));
      if (p.psp().equals(first.psp())
          && p.currency().equals(first.currency())
          && p.grossMinor() > 0
          && !done.contains(p.id())
          && days >= 0
          && days <= AGGREGATION_DAYS) {
        return p;
      }
    }
    return null;
  }

  /** Adyen's transfers land the next day; Stripe's the same day or the next. */
  private LocalDate valueDate(PspRow payout) {
    int lag = payout.psp().equals(Psps.ADYEN) ? 1 : random.nextInt(2);
    return payoutDate(payout).plusDays(lag);
  }

  private static LocalDate payoutDate(PspRow payout) {
    return LocalDate.ofInstant(payout.at(), ZoneOffset.UTC);
  }

  /** The remittance text: the PSP's name and each payout's reference, as banks show them. */
  private static String text(PspRow first, List<PspRow> payouts) {
    StringBuilder b = new StringBuilder(first.psp().equals(Psps.ADYEN) ? "ADYEN N.V." : "STRIPE");
    for (PspRow p : payouts) {
      if (p.psp().equals(Psps.ADYEN)) {
        // The transfer id and batch number, without the merchant account the report adds.
        b.append(' ').append(p.bankReference(), 0, p.bankReference().indexOf(','));
      } else {
        b.append(' ').append(p.id());
      }
    }
    return b.toString();
  }

  private BankEntry line(String currency, long amount, LocalDate valueDate, String remittance) {
    BankEntry entry =
        new BankEntry(ids.bankEntry(valueDate, currency), currency, amount, valueDate, remittance);
    entries.add(entry);
    return entry;
  }

  /** Bank activity that is no payout: it must stay unmatched. */
  private void unrelated() {
    LocalDate last =
        entries.stream().map(BankEntry::valueDate).max(LocalDate::compareTo).orElse(spec.lastDay());
    for (LocalDate day = spec.firstDay(); !day.isAfter(last); day = day.plusDays(1)) {
      for (String currency : spec.currencies()) {
        if (random.nextDouble() >= spec.noise().unrelatedBankLine()) {
          continue;
        }
        long amount;
        do {
          amount = (1_000 + random.nextLong(199_000)) * (random.nextBoolean() ? 1 : -1);
        } while (payoutAmounts.contains(amountKey(currency, amount)));
        BankEntry line =
            line(
                currency, amount, day, UNRELATED_TEXTS.get(random.nextInt(UNRELATED_TEXTS.size())));
        breaks.add(
            new TruthBreak(
                BreakCode.UNMATCHED_BANK_LINE,
                MatchLevel.L4,
                line.ref(),
                Math.abs(amount),
                currency,
                Psps.BANK,
                Noise.UNRELATED_BANK_LINE));
      }
    }
  }

  private static String amountKey(String currency, long amount) {
    return currency + amount;
  }

  private void match(String rule, String psp, Noise noise, List<RecordRef> members) {
    matches.add(
        new TruthMatch(
            String.format("TL4-%06d", ++matchSeq), MatchLevel.L4, rule, psp, noise, members));
  }
}
