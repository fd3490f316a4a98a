package dev.recon.app.bench;

import dev.recon.schemas.BankLine;
import dev.recon.schemas.ExpectedPayment;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.PaymentEventType;
import dev.recon.schemas.Provenance;
import dev.recon.schemas.RecordKind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The canonical workload of {@code recon bench match}: settlement batches of a few tenants, each
 * with orders (an expected payment and the PSP capture with its fee), some refunds and fee rows,
 * the payout for the batch and the bank line that shows the payout arriving. Shaped so that the
 * matching job's default rules give a known result:
 *
 * <ul>
 *   <li>L1 exact-reference: most orders (same reference, amount and currency); L1 original-capture:
 *       each refund linked to its capture;
 *   <li>L2 normalised-reference: the capture writes the reference in another case and punctuation;
 *       L2 reference-rounding: the capture is one minor unit off the expected amount;
 *   <li>L3 batch-net-sum: every batch's nets sum to its payout;
 *   <li>L4 amount-reference: the bank line carries the payout's reference; amount-value-date: it
 *       carries none but is valued on the payout date;
 *   <li>unpaid orders (an expected payment and nothing else) break as L1 MISSING_IN_PSP; they also
 *       fill the last few records so that the workload has exactly the requested size.
 * </ul>
 *
 * Every id and amount comes from the seed: the same shape always gives the same records, in the
 * same order.
 */
public final class MatchWorkload {

  /** Orders per settlement batch, drawn uniformly. */
  static final int MIN_ORDERS_PER_BATCH = 20;

  static final int MAX_ORDERS_PER_BATCH = 60;

  /** Shares of orders, in per mille; the rest match at L1. */
  static final int L2_REFERENCE_PER_MILLE = 40;

  static final int L2_ROUNDING_PER_MILLE = 30;
  static final int UNPAID_PER_MILLE = 20;

  /** Share of L1 captures refunded in part within their batch. */
  static final int REFUND_PER_MILLE = 50;

  /** Share of batches with a PSP fee row (a monthly or scheme fee) besides the captures' fees. */
  static final int FEE_ROW_PER_MILLE = 250;

  /** Share of bank lines without the payout's reference (matched on amount and value date). */
  static final int BANK_WITHOUT_REFERENCE_PER_MILLE = 100;

  static final long MIN_AMOUNT_MINOR = 500;
  static final long MAX_AMOUNT_MINOR = 50_000;

  /** Capture fee: 1.5 % (rounded down to whole minor units) plus a fixed part. */
  static final long FEE_PER_MILLE = 15;

  static final long FIXED_FEE_MINOR = 25;
  static final long MIN_FEE_ROW_MINOR = 100;
  static final long MAX_FEE_ROW_MINOR = 2_000;

  static final List<String> PSPS = List.of("adyen", "stripe");
  static final List<String> CURRENCIES = List.of("EUR", "GBP", "USD");

  /** Batches are spread over a year of business days from here, then the year repeats. */
  static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 5);

  static final int DAYS = 364;

  private static final Duration FIRST_CAPTURE = Duration.ofHours(8);
  private static final Duration BETWEEN_CAPTURES = Duration.ofMinutes(3);
  private static final Duration EXPECTED_BEFORE_CAPTURE = Duration.ofMinutes(5);
  private static final Duration PAYOUT_AFTER_DAY = Duration.ofHours(30);
  private static final Duration RECEIVED_AFTER = Duration.ofHours(26);
  private static final String NO_CONTENT_HASH = "0".repeat(64);

  private final WorkloadShape shape;
  private final SplittableRandom random;
  private final MatchCounts.Tally tally = new MatchCounts.Tally();
  private long orders;
  private long batches;
  private int line;
  private long expectedPayments;
  private long paymentEvents;
  private long bankLines;

  private MatchWorkload(WorkloadShape shape) {
    this.shape = shape;
    this.random = new SplittableRandom(shape.seed());
  }

  /** Where the records go: Kafka topics in the benchmark, lists in tests. */
  public interface Records {
    /**
     * @param tenant the tenant's index (0-based), so a writer can spread tenants over partitions
     */
    void expected(int tenant, ExpectedPayment payment);

    void payment(int tenant, PaymentEvent event);

    void bank(int tenant, BankLine line);
  }

  /** What was written, and what the matching job must make of it. */
  public record Summary(
      long expectedPayments, long paymentEvents, long bankLines, MatchCounts expected) {

    public long records() {
      return expectedPayments + paymentEvents + bankLines;
    }
  }

  /** Writes the workload of {@code shape} to {@code out}, batch by batch, holding one at a time. */
  public static Summary write(WorkloadShape shape, Records out) {
    return new MatchWorkload(shape).writeAll(out);
  }

  static String tenantId(int tenant) {
    return String.format(Locale.ROOT, "bench-t%02d", tenant + 1);
  }

  private Summary writeAll(Records out) {
    long remaining = shape.records();
    while (true) {
      Batch batch = nextBatch();
      if (batch.size() > remaining) {
        break;
      }
      batch.flush(out);
      remaining -= batch.size();
    }
    // The last batch did not fit: unpaid orders make up the exact count.
    for (long i = 0; i < remaining; i++) {
      int tenant = (int) (i % shape.tenants());
      unpaid(tenant, tenantId(tenant), PSPS.get(0), CURRENCIES.get(tenant % CURRENCIES.size()))
          .forEach(r -> r.writeTo(out));
      expectedPayments++;
      tally.exception(MatchLevel.L1, "MISSING_IN_PSP");
    }
    return new Summary(expectedPayments, paymentEvents, bankLines, tally.counts());
  }

  private Batch nextBatch() {
    long number = batches++;
    int tenant = (int) (number % shape.tenants());
    long round = number / shape.tenants();
    String psp = PSPS.get((int) (round % PSPS.size()));
    String currency = CURRENCIES.get(tenant % CURRENCIES.size());
    String tenantId = tenantId(tenant);
    LocalDate day = FIRST_DAY.plusDays((round / PSPS.size()) % DAYS);
    Instant dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
    String batchId = String.format(Locale.ROOT, "BATCH-T%02d-%07d", tenant + 1, number);
    Batch batch = new Batch();

    long net = 0;
    int count = random.nextInt(MIN_ORDERS_PER_BATCH, MAX_ORDERS_PER_BATCH + 1);
    for (int i = 0; i < count; i++) {
      long order = orders++;
      String reference = orderReference(tenant, order);
      Instant capturedAt = dayStart.plus(FIRST_CAPTURE).plus(BETWEEN_CAPTURES.multipliedBy(i));
      long gross = random.nextLong(MIN_AMOUNT_MINOR, MAX_AMOUNT_MINOR + 1);
      long fee = gross * FEE_PER_MILLE / 1_000 + FIXED_FEE_MINOR;
      int kind = random.nextInt(1_000);
      if (kind < UNPAID_PER_MILLE) {
        batch.records.addAll(unpaid(tenant, tenantId, psp, currency));
        batch.unpaid++;
        continue;
      }
      String captureId = String.format(Locale.ROOT, "CAP-T%02d-%08d", tenant + 1, order);
      String captureReference = reference;
      long expectedAmount = gross;
      if (kind < UNPAID_PER_MILLE + L2_REFERENCE_PER_MILLE) {
        // Same order, written by the PSP in lower case with spaces: only L2 sees through it.
        captureReference = reference.toLowerCase(Locale.ROOT).replace('-', ' ');
        batch.l2Reference++;
      } else if (kind < UNPAID_PER_MILLE + L2_REFERENCE_PER_MILLE + L2_ROUNDING_PER_MILLE) {
        expectedAmount = gross + (random.nextBoolean() ? 1 : -1);
        batch.l2Rounding++;
      } else {
        batch.l1++;
      }
      batch.records.add(
          new Pending.Expected(
              expected(
                  tenantId,
                  "EXP-" + reference,
                  psp,
                  reference,
                  expectedAmount,
                  currency,
                  capturedAt.minus(EXPECTED_BEFORE_CAPTURE))));
      batch.records.add(
          new Pending.Payment(
              pspRow(
                  tenantId,
                  captureId,
                  RecordKind.PSP_TXN,
                  PaymentEventType.CAPTURE,
                  psp,
                  captureId,
                  captureReference,
                  gross,
                  fee,
                  currency,
                  capturedAt,
                  batchId,
                  null)));
      net += gross - fee;
      boolean plainCapture =
          kind >= UNPAID_PER_MILLE + L2_REFERENCE_PER_MILLE + L2_ROUNDING_PER_MILLE;
      if (plainCapture && random.nextInt(1_000) < REFUND_PER_MILLE) {
        long refund = Math.max(1, gross / 2);
        String refundId = String.format(Locale.ROOT, "RFD-T%02d-%08d", tenant + 1, order);
        batch.records.add(
            new Pending.Payment(
                pspRow(
                    tenantId,
                    refundId,
                    RecordKind.PSP_TXN,
                    PaymentEventType.REFUND,
                    psp,
                    captureId,
                    reference,
                    -refund,
                    0,
                    currency,
                    capturedAt.plus(Duration.ofHours(2)),
                    batchId,
                    null)));
        net -= refund;
        batch.links++;
      }
    }
    if (batch.l1 + batch.l2Reference + batch.l2Rounding > 0) {
      // A batch without captures has no fee row either (it would wait for a payout in vain), and
      // a fee row never turns the payout negative.
      if (random.nextInt(1_000) < FEE_ROW_PER_MILLE && net > 2 * MAX_FEE_ROW_MINOR) {
        long feeRow = random.nextLong(MIN_FEE_ROW_MINOR, MAX_FEE_ROW_MINOR + 1);
        batch.records.add(
            new Pending.Payment(
                pspRow(
                    tenantId,
                    "FEE-" + batchId,
                    RecordKind.PSP_TXN,
                    PaymentEventType.FEE,
                    psp,
                    null,
                    null,
                    -feeRow,
                    0,
                    currency,
                    dayStart.plus(Duration.ofHours(23)),
                    batchId,
                    null)));
        net -= feeRow;
      }
      // Positive: a capture's net exceeds half its gross (the refund), and see the fee row.
      String bankReference = "PO-" + batchId;
      Instant paidAt = dayStart.plus(PAYOUT_AFTER_DAY);
      batch.records.add(
          new Pending.Payment(
              pspRow(
                  tenantId,
                  "PO-" + batchId,
                  RecordKind.PAYOUT,
                  PaymentEventType.PAYOUT,
                  psp,
                  null,
                  null,
                  net,
                  0,
                  currency,
                  paidAt,
                  batchId,
                  bankReference)));
      boolean withReference = random.nextInt(1_000) >= BANK_WITHOUT_REFERENCE_PER_MILLE;
      LocalDate payoutDate = LocalDate.ofInstant(paidAt, ZoneOffset.UTC);
      batch.records.add(
          new Pending.Bank(
              bankLine(
                  tenantId,
                  String.format(Locale.ROOT, "BL-T%02d-%07d", tenant + 1, number),
                  net,
                  currency,
                  withReference ? payoutDate.plusDays(1) : payoutDate,
                  withReference ? List.of(bankReference) : List.of(),
                  withReference ? psp.toUpperCase(Locale.ROOT) + " PAYOUT" : "SEPA CREDIT")));
      batch.settled = true;
      batch.bankWithReference = withReference;
    }
    return batch;
  }

  private static String orderReference(int tenant, long order) {
    return String.format(Locale.ROOT, "ORD-T%02d-%08d", tenant + 1, order);
  }

  private List<Pending> unpaid(int tenant, String tenantId, String psp, String currency) {
    long order = orders++;
    String reference = orderReference(tenant, order);
    long amount = random.nextLong(MIN_AMOUNT_MINOR, MAX_AMOUNT_MINOR + 1);
    Instant at = FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant().plus(FIRST_CAPTURE);
    return List.of(
        new Pending.Expected(
            expected(tenantId, "EXP-" + reference, psp, reference, amount, currency, at)));
  }

  private ExpectedPayment expected(
      String tenantId,
      String expectedId,
      String psp,
      String reference,
      long amount,
      String currency,
      Instant at) {
    return ExpectedPayment.newBuilder()
        .setExpectedId(expectedId)
        .setPsp(psp)
        .setMerchantReference(reference)
        .setPspReference(null)
        .setAmountMinor(amount)
        .setCurrency(currency)
        .setExpectedAt(at)
        .setProvenance(provenance(tenantId, "bench:orders", at))
        .build();
  }

  private PaymentEvent pspRow(
      String tenantId,
      String eventId,
      RecordKind kind,
      PaymentEventType type,
      String psp,
      String pspReference,
      String merchantReference,
      long gross,
      long fee,
      String currency,
      Instant at,
      String batchId,
      String bankReference) {
    return PaymentEvent.newBuilder()
        .setEventId(eventId)
        .setRecordKind(kind)
        .setPsp(psp)
        .setType(type)
        .setPspReference(pspReference)
        .setMerchantReference(merchantReference)
        .setGrossMinor(gross)
        .setGrossCurrency(currency)
        .setFeeMinor(fee)
        .setNetMinor(gross - fee)
        .setNetCurrency(currency)
        .setEventTime(at)
        .setBatchId(batchId)
        .setBankReference(bankReference)
        .setProvenance(provenance(tenantId, "bench:" + psp, at))
        .build();
  }

  private BankLine bankLine(
      String tenantId,
      String lineId,
      long amount,
      String currency,
      LocalDate valueDate,
      List<String> references,
      String remittance) {
    return BankLine.newBuilder()
        .setLineId(lineId)
        .setBankAccount("BENCH-" + tenantId.toUpperCase(Locale.ROOT) + "-" + currency)
        .setStatementId("STMT-" + valueDate)
        .setAmountMinor(amount)
        .setCurrency(currency)
        .setBookingDate(valueDate)
        .setValueDate(valueDate)
        .setReferences(references)
        .setRemittanceInfo(remittance)
        .setProvenance(
            provenance(tenantId, "bench:bank", valueDate.atStartOfDay(ZoneOffset.UTC).toInstant()))
        .build();
  }

  private Provenance provenance(String tenantId, String source, Instant at) {
    return Provenance.newBuilder()
        .setTenantId(tenantId)
        .setSource(source)
        .setFileName("bench-seed-" + shape.seed())
        .setContentSha256(NO_CONTENT_HASH)
        .setLine(++line)
        .setReceivedAt(at.plus(RECEIVED_AFTER))
        .setCorrelationId(null)
        .build();
  }

  /** A generated record not written yet: a batch is written only if it fits the count. */
  private sealed interface Pending {
    void writeTo(Records out);

    record Expected(ExpectedPayment record) implements Pending {
      @Override
      public void writeTo(Records out) {
        out.expected(tenantOf(record.getProvenance()), record);
      }
    }

    record Payment(PaymentEvent record) implements Pending {
      @Override
      public void writeTo(Records out) {
        out.payment(tenantOf(record.getProvenance()), record);
      }
    }

    record Bank(BankLine record) implements Pending {
      @Override
      public void writeTo(Records out) {
        out.bank(tenantOf(record.getProvenance()), record);
      }
    }

    private static int tenantOf(Provenance p) {
      return Integer.parseInt(p.getTenantId().substring("bench-t".length())) - 1;
    }
  }

  /** One settlement batch's records and what they will match as. */
  private final class Batch {
    final List<Pending> records = new ArrayList<>();
    long l1;
    long l2Reference;
    long l2Rounding;
    long links;
    long unpaid;
    boolean settled;
    boolean bankWithReference;

    int size() {
      return records.size();
    }

    void flush(Records out) {
      for (Pending r : records) {
        r.writeTo(out);
        if (r instanceof Pending.Expected) {
          expectedPayments++;
        } else if (r instanceof Pending.Payment) {
          paymentEvents++;
        } else {
          bankLines++;
        }
      }
      add(MatchLevel.L1, "exact-reference", l1);
      add(MatchLevel.L1, "original-capture", links);
      add(MatchLevel.L2, "normalised-reference", l2Reference);
      add(MatchLevel.L2, "reference-rounding", l2Rounding);
      for (long i = 0; i < unpaid; i++) {
        tally.exception(MatchLevel.L1, "MISSING_IN_PSP");
      }
      // Every L1/L2 match books the capture; links book nothing (their batch does).
      addJournal(l1 + l2Reference + l2Rounding);
      if (settled) {
        add(MatchLevel.L3, "batch-net-sum", 1);
        add(MatchLevel.L4, bankWithReference ? "amount-reference" : "amount-value-date", 1);
        addJournal(2);
      }
    }

    private void add(MatchLevel level, String rule, long count) {
      for (long i = 0; i < count; i++) {
        tally.match(level, rule);
      }
    }

    private void addJournal(long count) {
      for (long i = 0; i < count; i++) {
        tally.journalEntry();
      }
    }
  }
}
