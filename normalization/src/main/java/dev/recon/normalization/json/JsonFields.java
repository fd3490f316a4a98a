package dev.recon.normalization.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recon.normalization.format.RowProblems;
import dev.recon.normalization.money.AmountParse;
import dev.recon.normalization.money.MinorUnits;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Typed reads of JSON members by dotted path ("data.object.amount"). Problems are recorded against
 * the path, so a dead letter names the member at fault.
 */
public final class JsonFields {

  /** Epoch seconds after this are not a time any PSP sends (year 2286). */
  private static final long MAX_EPOCH_SECONDS = 9_999_999_999L;

  private JsonFields() {}

  /** The node at {@code path}, or a missing node. */
  public static JsonNode at(JsonNode root, String path) {
    JsonNode node = root;
    for (String name : path.split("\\.", -1)) {
      node = node.path(name);
    }
    return node;
  }

  /**
   * The stripped text of a string, number or boolean member, or empty when absent, null, blank or
   * structured. Integral numbers come back as written ("23503452"), never in exponent form.
   */
  public static Optional<String> text(JsonNode root, String path) {
    JsonNode node = at(root, path);
    String text;
    if (node.isTextual()) {
      text = node.textValue().strip();
    } else if (node.isIntegralNumber()) {
      text = node.bigIntegerValue().toString();
    } else if (node.isNumber()) {
      text = node.decimalValue().toPlainString();
    } else if (node.isBoolean()) {
      text = Boolean.toString(node.booleanValue());
    } else {
      return Optional.empty();
    }
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  /** Like {@link #text}, recording a problem when the member is missing. */
  public static String required(JsonNode root, String path, RowProblems problems) {
    Optional<String> value = text(root, path);
    if (value.isEmpty()) {
      problems.add(path, "required value missing", null);
      return "";
    }
    return value.get();
  }

  /** An ISO 4217 code, upper-cased (Stripe writes "usd"), or "" after recording a problem. */
  public static String currency(JsonNode root, String path, RowProblems problems) {
    Optional<String> raw = text(root, path);
    String code = raw.map(c -> c.toUpperCase(Locale.ROOT)).orElse("");
    if (!MinorUnits.isKnownCurrency(code)) {
      problems.add(
          path,
          raw.isEmpty() ? "required value missing" : "unknown currency code",
          raw.orElse(null));
      return "";
    }
    return code;
  }

  /**
   * An amount already in minor units: a JSON integer, never a fraction or a string. Null after
   * recording a problem.
   */
  public static Long minorUnits(JsonNode root, String path, RowProblems problems) {
    JsonNode node = at(root, path);
    if (node.isMissingNode() || node.isNull()) {
      problems.add(path, "required value missing", null);
      return null;
    }
    if (!node.isIntegralNumber()) {
      problems.add(path, "not an integer amount in minor units", node.toString());
      return null;
    }
    if (!node.canConvertToLong() || Math.abs(node.longValue()) > MinorUnits.MAX_ABS_MINOR) {
      problems.add(path, "amount out of range", node.toString());
      return null;
    }
    return node.longValue();
  }

  /**
   * An amount in major units of {@code currency}, as a string ("100", "100.50") or a JSON number,
   * converted exactly; a digit beyond the currency's exponent is a problem, never a rounding.
   */
  public static Long majorUnits(JsonNode root, String path, String currency, RowProblems problems) {
    JsonNode node = at(root, path);
    String text;
    if (node.isTextual()) {
      text = node.textValue();
    } else if (node.isNumber()) {
      BigDecimal value = node.decimalValue();
      text = value.toPlainString();
    } else {
      problems.add(
          path,
          node.isMissingNode() || node.isNull() ? "required value missing" : "not an amount",
          node.isMissingNode() ? null : node.toString());
      return null;
    }
    AmountParse parsed = MinorUnits.parse(text, currency);
    if (parsed instanceof AmountParse.Invalid invalid) {
      problems.add(path, invalid.reason(), text);
      return null;
    }
    return ((AmountParse.Parsed) parsed).minor();
  }

  /** Unix seconds as an instant, or null after recording a problem. */
  public static Instant epochSeconds(JsonNode root, String path, RowProblems problems) {
    JsonNode node = at(root, path);
    if (!node.isIntegralNumber()
        || !node.canConvertToLong()
        || node.longValue() < 0
        || node.longValue() > MAX_EPOCH_SECONDS) {
      problems.add(
          path,
          node.isMissingNode() ? "required value missing" : "not a time in Unix seconds",
          node.isMissingNode() ? null : node.toString());
      return null;
    }
    return Instant.ofEpochSecond(node.longValue());
  }

  /** An ISO-8601 date-time with offset ("2018-03-23T13:55:31+01:00"), or null after a problem. */
  public static Instant isoTime(JsonNode root, String path, RowProblems problems) {
    Optional<String> text = text(root, path);
    if (text.isEmpty()) {
      problems.add(path, "required value missing", null);
      return null;
    }
    try {
      return OffsetDateTime.parse(text.get()).toInstant();
    } catch (DateTimeParseException e) {
      problems.add(path, "not an ISO-8601 date and time with offset", text.get());
      return null;
    }
  }
}
