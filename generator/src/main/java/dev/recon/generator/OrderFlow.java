package dev.recon.generator;

import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.PaymentEventType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The tenant's orders and what the PSPs did with them: expected payments, captures, refunds,
 * chargebacks and reversals, with order noise planted, and the L1/L2 truth that follows.
 */
final class OrderFlow {
  /** The prefix payment pages put before the order reference; the rules file strips it. */
  static final String REFERENCE_PREFIX = "PAY-";

  static final String EXACT_RULE = "exact-reference";
  static final String LINK_RULE = "original-capture";
  static final String NORMALISED_RULE = "normalised-reference";
  static final String ROUNDING_RULE = "reference-rounding";

  /** Adyen's and Stripe's chargeback fee, charged on the chargeback row. */
  static final long CHARGEBACK_FEE_MINOR = 1_500;

  private final GeneratorSpec spec;
  private final SplittableRandom random;
  private final IdMint ids;
  private final String tenantCode;

  final List<ExpectedRow> expected = new ArrayList<>();
  final List<PspRow> pspRows = new ArrayList<>();
  final List<TruthMatch> matches = new ArrayList<>();
  final List<TruthBreak> breaks = new ArrayList<>();
  private int matchSeq;

  OrderFlow(GeneratorSpec spec, SplittableRandom random, IdMint ids) {
    this.spec = spec;
    this.random = random;
    this.ids = ids;
    this.tenantCode = spec.tenant().toUpperCase(Locale.ROOT).replace("-", "");
  }

  void run() {
    for (int n = 1; n <= spec.orders(); n++) {
      order(n);
    }
  }

  private void order(int n) {
    String psp = random.nextDouble() < spec.stripeShare() ? Psps.STRIPE : Psps.ADYEN;
    String currency = spec.currencies().get(random.nextInt(spec.currencies().size()));
    LocalDate day = spec.firstDay().plusDays(random.nextInt(spec.days()));
    Instant at =
        day.atTime(7, 0).toInstant(ZoneOffset.UTC).plus(Duration.ofMinutes(random.nextInt(720)));
    long amount = amount();
    String reference = String.format("ORD-%s-%06d", tenantCode, n);
    String expectedId = String.format("EXP-%s-%06d", tenantCode, n);
    String customer = "CUST-" + (1 + random.nextInt(Math.max(1, spec.orders() / 3)));
    Noise noise = orderNoise();
    if (noise == Noise.CURRENCY_OFF && spec.currencies().size() < 2) {
      noise = Noise.NONE;
    }
    ExpectedRow order =
        new ExpectedRow(expectedId, reference, psp, amount, currency, day, null, customer);
    switch (noise) {
      case ORDER_NEVER_CAPTURED -> {
        expected.add(order);
        breaks.add(
            new TruthBreak(
                BreakCode.MISSING_IN_PSP,
                MatchLevel.L1,
                order.ref(),
                amount,
                currency,
                psp,
                noise));
      }
      case CAPTURE_WITHOUT_ORDER -> {
        PspRow capture =
            capture(psp, String.format("WEB-%s-%06d", tenantCode, n), amount, currency, at);
        breaks.add(
            new TruthBreak(
                BreakCode.MISSING_EXPECTED,
                MatchLevel.L1,
                capture.ref(),
                amount,
                currency,
                psp,
                noise));
        lifecycle(capture);
      }
      case AMOUNT_OFF -> {
        long off = spec.amountToleranceMinor() + 100 + random.nextLong(5_000);
        long expectedAmount =
            random.nextBoolean() || amount <= off + 100 ? amount + off : amount - off;
        expected.add(withAmount(order, expectedAmount));
        PspRow capture = capture(psp, reference, amount, currency, at);
        breaks.add(
            new TruthBreak(
                BreakCode.AMOUNT_MISMATCH, MatchLevel.L1, order.ref(), off, currency, psp, noise));
        lifecycle(capture);
      }
      case CURRENCY_OFF -> {
        expected.add(order);
        String other = otherCurrency(currency);
        PspRow capture = capture(psp, reference, amount, other, at);
        breaks.add(
            new TruthBreak(
                BreakCode.CURRENCY_MISMATCH,
                MatchLevel.L1,
                order.ref(),
                amount,
                currency,
                psp,
                noise));
        lifecycle(capture);
      }
      case CHARGED_TWICE -> {
        expected.add(order);
        PspRow first = capture(psp, reference, amount, currency, at);
        PspRow second =
            capture(
                psp,
                reference,
                amount,
                currency,
                at.plus(Duration.ofMinutes(3 + random.nextInt(90))));
        match(MatchLevel.L1, EXACT_RULE, psp, noise, List.of(order.ref(), first.ref()));
        breaks.add(
            new TruthBreak(
                BreakCode.DUPLICATE, MatchLevel.L1, second.ref(), amount, currency, psp, noise));
        lifecycle(first);
      }
      case REFERENCE_NOISE -> {
        expected.add(order);
        PspRow capture = capture(psp, noisy(reference), amount, currency, at);
        match(MatchLevel.L2, NORMALISED_RULE, psp, noise, List.of(order.ref(), capture.ref()));
        lifecycle(capture);
      }
      case AMOUNT_WITHIN_TOLERANCE -> {
        long off = 1 + random.nextLong(spec.amountToleranceMinor());
        long captured = random.nextBoolean() ? amount + off : amount - off;
        expected.add(order);
        PspRow capture = capture(psp, reference, captured, currency, at);
        match(MatchLevel.L2, ROUNDING_RULE, psp, noise, List.of(order.ref(), capture.ref()));
        lifecycle(capture);
      }
      default -> {
        expected.add(order);
        PspRow capture = capture(psp, reference, amount, currency, at);
        match(MatchLevel.L1, EXACT_RULE, psp, Noise.NONE, List.of(order.ref(), capture.ref()));
        lifecycle(capture);
      }
    }
  }

  /** Mostly small baskets, some large ones: 5.00 to 5,000.00. */
  private long amount() {
    return random.nextInt(10) < 8
        ? 500 + random.nextLong(19_500)
        : 20_000 + random.nextLong(480_000);
  }

  private Noise orderNoise() {
    NoiseRates r = spec.noise();
    double u = random.nextDouble();
    double[] rates = {
      r.missingInPsp(),
      r.missingExpected(),
      r.amountMismatch(),
      r.currencyMismatch(),
      r.duplicateCapture(),
      r.referenceNoise(),
      r.amountWithinTolerance()
    };
    Noise[] kinds = {
      Noise.ORDER_NEVER_CAPTURED,
      Noise.CAPTURE_WITHOUT_ORDER,
      Noise.AMOUNT_OFF,
      Noise.CURRENCY_OFF,
      Noise.CHARGED_TWICE,
      Noise.REFERENCE_NOISE,
      Noise.AMOUNT_WITHIN_TOLERANCE
    };
    double cumulative = 0;
    for (int i = 0; i < rates.length; i++) {
      cumulative += rates[i];
      if (u < cumulative) {
        return kinds[i];
      }
    }
    return Noise.NONE;
  }

  private String otherCurrency(String currency) {
    List<String> others = spec.currencies().stream().filter(c -> !c.equals(currency)).toList();
    return others.get(random.nextInt(others.size()));
  }

  /** The reference as a payment page or a bank mangles it; normalising it gives the original. */
  private String noisy(String reference) {
    return switch (random.nextInt(5)) {
      case 0 -> reference.toLowerCase(Locale.ROOT);
      case 1 -> reference.replace('-', ' ');
      case 2 -> REFERENCE_PREFIX + reference;
      case 3 -> reference.replace('-', random.nextBoolean() ? '/' : '_');
      default ->
          reference.substring(0, 1)
              + reference.substring(1).toLowerCase(Locale.ROOT).replace("-", "");
    };
  }

  private static ExpectedRow withAmount(ExpectedRow e, long amountMinor) {
    return new ExpectedRow(
        e.expectedId(),
        e.merchantReference(),
        e.psp(),
        amountMinor,
        e.currency(),
        e.expectedAt(),
        e.pspReference(),
        e.customerId());
  }

  private PspRow capture(String psp, String reference, long gross, String currency, Instant at) {
    PspRow row;
    if (psp.equals(Psps.ADYEN)) {
      long commission = gross * 12 / 1000;
      long interchange = 10 + random.nextInt(20);
      String pspReference = ids.adyenReference();
      row =
          new PspRow(
              psp,
              PaymentEventType.CAPTURE,
              "Settled",
              pspReference,
              pspReference,
              ids.adyenReference(),
              "",
              "",
              reference,
              gross,
              commission + interchange,
              currency,
              at,
              "",
              "");
    } else {
      String charge = ids.stripe("ch");
      row =
          new PspRow(
              psp,
              PaymentEventType.CAPTURE,
              "charge",
              charge,
              charge,
              charge,
              ids.stripe("txn"),
              ids.stripe("pi"),
              reference,
              gross,
              (gross * 29 + 500) / 1000 + 30,
              currency,
              at,
              "",
              "");
    }
    pspRows.add(row);
    return row;
  }

  /** Refunds, chargebacks and reversals of a capture, linked to it by its PSP reference. */
  private void lifecycle(PspRow capture) {
    NoiseRates r = spec.noise();
    double u = random.nextDouble();
    List<RecordRef> linked = new ArrayList<>();
    linked.add(capture.ref());
    if (u < r.refund()) {
      long amount =
          random.nextInt(10) < 6 || capture.grossMinor() < 2
              ? capture.grossMinor()
              : 1 + random.nextLong(capture.grossMinor() - 1);
      Instant at = capture.at().plus(Duration.ofDays(1 + random.nextInt(5)));
      linked.add(follower(capture, PaymentEventType.REFUND, -amount, 0, at).ref());
    } else if (u < r.refund() + r.chargeback()) {
      Instant at = capture.at().plus(Duration.ofDays(3 + random.nextInt(18)));
      PspRow chargeback =
          follower(
              capture,
              PaymentEventType.CHARGEBACK,
              -capture.grossMinor(),
              CHARGEBACK_FEE_MINOR,
              at);
      linked.add(chargeback.ref());
      if (random.nextDouble() < r.chargebackReversal()) {
        Instant later = at.plus(Duration.ofDays(5 + random.nextInt(11)));
        linked.add(
            follower(capture, PaymentEventType.CHARGEBACK_REVERSAL, capture.grossMinor(), 0, later)
                .ref());
      }
    }
    if (linked.size() > 1) {
      match(MatchLevel.L1, LINK_RULE, capture.psp(), Noise.NONE, linked);
    }
  }

  private PspRow follower(PspRow capture, PaymentEventType type, long gross, long fee, Instant at) {
    PspRow row;
    if (capture.psp().equals(Psps.ADYEN)) {
      String typeText =
          switch (type) {
            case REFUND -> "Refunded";
            case CHARGEBACK -> "Chargeback";
            default -> "ChargebackReversed";
          };
      String modification = ids.adyenReference();
      row =
          new PspRow(
              capture.psp(),
              type,
              typeText,
              modification,
              capture.pspReference(),
              modification,
              "",
              "",
              capture.merchantReference(),
              gross,
              fee,
              capture.currency(),
              at,
              "",
              "");
    } else {
      String category;
      String source;
      String balanceTransaction = ids.stripe("txn");
      String id;
      switch (type) {
        case REFUND -> {
          category = "refund";
          source = ids.stripe("re");
          id = source;
        }
        case CHARGEBACK -> {
          category = "dispute";
          source = ids.stripe("dp");
          id = source;
        }
        default -> {
          category = "dispute_reversal";
          source = disputeOf(capture);
          // A reversal shares its dispute's source id; the parser knows it by its balance
          // transaction.
          id = balanceTransaction;
        }
      }
      row =
          new PspRow(
              capture.psp(),
              type,
              category,
              id,
              capture.pspReference(),
              source,
              balanceTransaction,
              capture.paymentIntent(),
              capture.merchantReference(),
              gross,
              fee,
              capture.currency(),
              at,
              "",
              "");
    }
    pspRows.add(row);
    return row;
  }

  private String disputeOf(PspRow capture) {
    for (int i = pspRows.size() - 1; i >= 0; i--) {
      PspRow row = pspRows.get(i);
      if (row.type() == PaymentEventType.CHARGEBACK
          && row.pspReference().equals(capture.pspReference())) {
        return row.ownReference();
      }
    }
    throw new IllegalStateException("a reversal without its dispute: " + capture.id());
  }

  private void match(
      MatchLevel level, String rule, String psp, Noise noise, List<RecordRef> members) {
    matches.add(
        new TruthMatch(
            String.format("T%s-%06d", level, ++matchSeq), level, rule, psp, noise, members));
  }
}
