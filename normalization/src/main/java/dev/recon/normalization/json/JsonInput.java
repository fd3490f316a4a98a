package dev.recon.normalization.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recon.normalization.format.ParseResult;
import dev.recon.normalization.format.ParserLimits;
import dev.recon.normalization.money.MinorUnits;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a JSON document (a webhook body, an API response) within the parser limits: payload size,
 * nesting depth ({@link ParserLimits#maxXmlDepth()} bounds JSON nesting too), string length ({@link
 * ParserLimits#maxLineChars()}), name and number length, token count. Duplicate keys are refused:
 * which of two amounts counts would be a guess.
 */
public final class JsonInput {

  /** Object member names; no format this module reads comes near it. */
  public static final int MAX_NAME_CHARS = 1024;

  /** Number literals; an amount is never longer than the longest amount text accepted. */
  public static final int MAX_NUMBER_CHARS = MinorUnits.MAX_AMOUNT_CHARS;

  /** Tokens in one document: bounds the tree built from a payload of many tiny values. */
  public static final long MAX_TOKENS = 10_000_000L;

  /**
   * Payload bytes per token allowed beyond {@link #MAX_TOKENS}: only a caller that raised the
   * payload limit far above the default (the parse benchmark) gets more tokens, in proportion.
   */
  static final int BYTES_PER_EXTRA_TOKEN = 8;

  /** One mapper per distinct limits; limits are a handful of immutable values. */
  private static final Map<ParserLimits, ObjectMapper> MAPPERS = new ConcurrentHashMap<>();

  private JsonInput() {}

  /**
   * The document, or empty after reporting to {@code out} why it cannot be read: too large, too
   * deep, too long a value, or not JSON.
   */
  public static Optional<JsonNode> read(
      byte[] payload, ParserLimits limits, ParseResult.Builder out) {
    Optional<String> tooLarge = limits.payloadOverLimit(payload.length);
    if (tooLarge.isPresent()) {
      out.error(0, null, tooLarge.get(), null);
      return Optional.empty();
    }
    try {
      JsonNode root = MAPPERS.computeIfAbsent(limits, JsonInput::mapper).readTree(payload);
      if (root == null || root.isMissingNode()) {
        out.error(0, null, "empty document: no JSON value", null);
        return Optional.empty();
      }
      return Optional.of(root);
    } catch (StreamConstraintsException e) {
      out.error(0, null, "JSON over a limit: " + e.getOriginalMessage(), null);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at == null || at.getLineNr() < 1 ? 0 : at.getLineNr();
      out.error(line, null, "not valid JSON: " + firstLine(e.getOriginalMessage()), null);
    } catch (IOException e) {
      out.error(0, null, "not readable as JSON: " + firstLine(e.getMessage()), null);
    }
    return Optional.empty();
  }

  private static ObjectMapper mapper(ParserLimits limits) {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxDocumentLength(limits.maxPayloadBytes())
                    .maxNestingDepth(limits.maxXmlDepth())
                    .maxStringLength(limits.maxLineChars())
                    .maxNameLength(MAX_NAME_CHARS)
                    .maxNumberLength(MAX_NUMBER_CHARS)
                    .maxTokenCount(maxTokens(limits))
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    return new ObjectMapper(factory)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  }

  /** {@link #MAX_TOKENS}, or more for a payload limit above 80 MB. */
  static long maxTokens(ParserLimits limits) {
    return Math.max(MAX_TOKENS, limits.maxPayloadBytes() / BYTES_PER_EXTRA_TOKEN);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "(no detail)";
    }
    int end = message.indexOf('\n');
    String line = end < 0 ? message : message.substring(0, end);
    return line.length() > 160 ? line.substring(0, 160) + "..." : line;
  }
}
