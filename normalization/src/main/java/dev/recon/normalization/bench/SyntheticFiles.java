package dev.recon.normalization.bench;

import dev.recon.normalization.format.Format;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * Files of any length in the layouts real PSPs and banks send, for the parse benchmark: every row
 * valid and unique, amounts varied, control totals and balances that foot, so a parse yields
 * exactly the records and control totals the generator tallied, and no errors or findings. The same
 * format and row count always give the same bytes.
 */
final class SyntheticFiles {
  static final Set<Format> FORMATS = EnumSet.allOf(Format.class);

  /** Rows in the sample a file's size per row is first estimated from. */
  private static final int SAMPLE_ROWS = 1_000;

  /** Above the parsers' own ceilings (an int payload length, an int line number). */
  static final int MAX_ROWS = 50_000_000;

  private SyntheticFiles() {}

  /** A generated file of {@code rows} rows, in memory; for small files and tests. */
  static GeneratedFile generate(Format format, int rows) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ExpectedOutcome expected = write(format, rows, bytes);
    return new GeneratedFile(format, rows, bytes.toByteArray(), expected);
  }

  /**
   * A row count whose file has at least {@code minBytes} bytes (a few percent more on large files),
   * found by sizing files without writing them: a linear estimate from two samples (bytes per row
   * and the fixed header and trailer), raised while it falls short (row lengths grow with the row
   * number, so the samples underestimate).
   */
  static int rowsFor(Format format, long minBytes) {
    long sample = size(format, SAMPLE_ROWS);
    double perRow = (size(format, 2 * SAMPLE_ROWS) - sample) / (double) SAMPLE_ROWS;
    double fixed = Math.max(0, sample - SAMPLE_ROWS * perRow);
    int rows = (int) Math.min(MAX_ROWS, Math.max(1, (long) ((minBytes - fixed) / perRow)));
    long size = size(format, rows);
    while (size < minBytes) {
      if (rows == MAX_ROWS) {
        throw new IllegalArgumentException(
            format.cliName() + ": " + minBytes + " bytes need more than " + MAX_ROWS + " rows");
      }
      long next = (long) Math.ceil(rows * (minBytes / (double) size) * 1.002) + 1;
      rows = (int) Math.min(MAX_ROWS, Math.max(rows + 1L, next));
      size = size(format, rows);
    }
    return rows;
  }

  /** Writes the file of {@code rows} rows to {@code path}. */
  static ExpectedOutcome write(Format format, int rows, Path path) {
    try (OutputStream file = Files.newOutputStream(path)) {
      return write(format, rows, file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long size(Format format, int rows) {
    FileText text = FileText.counting();
    generate(format, rows, text, new ExpectedOutcome());
    return text.bytes();
  }

  private static ExpectedOutcome write(Format format, int rows, OutputStream out) {
    FileText text = new FileText(out);
    ExpectedOutcome expected = new ExpectedOutcome();
    generate(format, rows, text, expected);
    text.flush();
    return expected;
  }

  private static void generate(Format format, int rows, FileText text, ExpectedOutcome expected) {
    if (rows < 1 || rows > MAX_ROWS) {
      throw new IllegalArgumentException("rows must be between 1 and " + MAX_ROWS + ": " + rows);
    }
    switch (format) {
      case EXPECTED_PAYMENTS_CSV -> SyntheticCsvFiles.expected(text, rows, expected);
      case ADYEN_SETTLEMENT_DETAIL -> SyntheticCsvFiles.adyenSettlement(text, rows, expected);
      case ADYEN_PAYMENTS_ACCOUNTING -> SyntheticCsvFiles.adyenAccounting(text, rows, expected);
      case STRIPE_ITEMIZED -> SyntheticCsvFiles.stripeItemized(text, rows, expected);
      case STRIPE_BALANCE_HISTORY -> SyntheticCsvFiles.stripeBalanceHistory(text, rows, expected);
      case PAYPAL_STL -> SyntheticCsvFiles.paypalSettlement(text, rows, expected);
      case PAYPAL_TRR -> SyntheticCsvFiles.paypalTransactionDetail(text, rows, expected);
      case CAMT_053 -> SyntheticBankFiles.camt053(text, rows, expected);
      case MT940 -> SyntheticBankFiles.mt940(text, rows, expected);
      case BAI2 -> SyntheticBankFiles.bai2(text, rows, expected);
      case STRIPE_WEBHOOK -> SyntheticJsonFiles.stripeWebhook(text, rows, expected);
      case ADYEN_WEBHOOK -> SyntheticJsonFiles.adyenWebhook(text, rows, expected);
      case MTN_MOMO -> SyntheticJsonFiles.mtnMomo(text, rows, expected);
      case AIRTEL_MONEY -> SyntheticJsonFiles.airtelMoney(text, rows, expected);
      case ZAMTEL_KWACHA -> SyntheticJsonFiles.zamtelKwacha(text, rows, expected);
    }
  }

  /** The formats whose files are CSV, which the 50 MB/s per core target is set for. */
  static boolean isCsv(Format format) {
    return switch (format) {
      case EXPECTED_PAYMENTS_CSV,
          ADYEN_SETTLEMENT_DETAIL,
          ADYEN_PAYMENTS_ACCOUNTING,
          STRIPE_ITEMIZED,
          STRIPE_BALANCE_HISTORY,
          PAYPAL_STL,
          PAYPAL_TRR ->
          true;
      case CAMT_053,
          MT940,
          BAI2,
          STRIPE_WEBHOOK,
          ADYEN_WEBHOOK,
          MTN_MOMO,
          AIRTEL_MONEY,
          ZAMTEL_KWACHA ->
          false;
    };
  }

  /** A varied but deterministic amount in minor units, 1.00 to 1,000.99. */
  static long amountMinor(int row) {
    return 100 + (row * 7919L) % 100_000;
  }

  static String decimal(long minor, char separator) {
    long abs = Math.abs(minor);
    return (minor < 0 ? "-" : "") + abs / 100 + separator + (abs % 100 < 10 ? "0" : "") + abs % 100;
  }

  static String decimal(long minor) {
    return decimal(minor, '.');
  }
}
