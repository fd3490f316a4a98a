package dev.recon.normalization.format;

import dev.recon.schemas.kafka.Topics;
import java.io.Serializable;
import java.util.Optional;

/**
 * Bounds on what a parser accepts from outside. Defaults are the named constants; tests and callers
 * with tighter budgets pass smaller values.
 */
public record ParserLimits(int maxPayloadBytes, int maxRows, int maxLineChars, int maxXmlDepth)
    implements Serializable {

  /** A whole file travels as one Kafka record; the connectors refuse anything larger. */
  public static final int MAX_PAYLOAD_BYTES = Topics.MAX_RAW_RECORD_BYTES;

  /** Data rows (CSV) or entries (XML) per file; the rest of a larger file is reported, not read. */
  public static final int MAX_ROWS_PER_FILE = 1_000_000;

  /** Characters in one CSV record or one XML text value. */
  public static final int MAX_LINE_CHARS = 64 * 1024;

  /**
   * XML element nesting (camt.053 needs about 12 levels), and JSON object/array nesting for the
   * webhook and API formats (Stripe events need about 8).
   */
  public static final int MAX_XML_DEPTH = 64;

  public static final ParserLimits DEFAULT =
      new ParserLimits(MAX_PAYLOAD_BYTES, MAX_ROWS_PER_FILE, MAX_LINE_CHARS, MAX_XML_DEPTH);

  public ParserLimits {
    if (maxPayloadBytes <= 0 || maxRows <= 0 || maxLineChars <= 0 || maxXmlDepth <= 0) {
      throw new IllegalArgumentException("parser limits must be positive");
    }
  }

  /** Why a payload of {@code length} bytes is refused, or empty when it is within the limit. */
  public Optional<String> payloadOverLimit(int length) {
    return length > maxPayloadBytes
        ? Optional.of("payload of " + length + " bytes exceeds the limit of " + maxPayloadBytes)
        : Optional.empty();
  }
}
