package dev.recon.normalization.format;

import dev.recon.normalization.csv.CsvLine;
import dev.recon.normalization.csv.CsvTokenizer;
import dev.recon.normalization.csv.HeaderIndex;
import dev.recon.normalization.csv.TextDecoding;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises a format from the start of a file's content, never from its name: files arrive by
 * e-mail and SFTP under arbitrary names.
 */
public final class FormatDetector {

  /** How much of a file detection looks at. */
  public static final int HEAD_BYTES = 8 * 1024;

  private static final Pattern CAMT_053 =
      Pattern.compile("<([\\w.-]+:)?BkToCstmrStmt[\\s>/]|camt\\.053\\.001\\.\\d+");

  private static final List<String> EXPECTED_COLUMNS =
      List.of("expected_id", "merchant_reference", "amount", "currency");

  private static final List<String> ADYEN_SETTLEMENT_DETAIL_COLUMNS =
      List.of("Merchant Account", "Psp Reference", "Type", "Batch Number", "Net Currency");

  private FormatDetector() {}

  /** The format of a file whose first bytes are {@code head}, or empty when none fits. */
  public static Optional<Format> detect(byte[] head) {
    String text = TextDecoding.decode(head, HEAD_BYTES).text().stripLeading();
    if (text.startsWith("<")) {
      return CAMT_053.matcher(text).find() ? Optional.of(Format.CAMT_053) : Optional.empty();
    }
    CsvLine first = new CsvTokenizer(text, HEAD_BYTES).next();
    if (!(first instanceof CsvLine.Row row)) {
      return Optional.empty();
    }
    HeaderIndex header = HeaderIndex.of(row.fields());
    if (EXPECTED_COLUMNS.stream().allMatch(header::has)) {
      return Optional.of(Format.EXPECTED_PAYMENTS_CSV);
    }
    if (ADYEN_SETTLEMENT_DETAIL_COLUMNS.stream().allMatch(header::has)) {
      return Optional.of(Format.ADYEN_SETTLEMENT_DETAIL);
    }
    return Optional.empty();
  }

  /** The message callers report for a file no format fits, with its first line masked. */
  public static String unknownFormatMessage(String fileName, byte[] head) {
    return "unknown format: " + fileName + ", first line: " + firstLine(head);
  }

  static String firstLine(byte[] head) {
    String text = TextDecoding.decode(head, HEAD_BYTES).text().stripLeading();
    int end = 0;
    while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
      end++;
    }
    String masked = Excerpt.masked(text.substring(0, end));
    return masked.isEmpty() ? "(empty)" : masked;
  }
}
