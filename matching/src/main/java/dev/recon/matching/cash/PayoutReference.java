package dev.recon.matching.cash;

import dev.recon.matching.model.MatchKey;
import dev.recon.matching.model.Payout;
import dev.recon.matching.model.StatementLine;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a bank line carries a payout's reference: a token of the payout's bank reference, or its
 * batch id, in the line's references or remittance information.
 */
public final class PayoutReference {

  /** Shorter tokens ("batch", "EUR", "1128") occur on unrelated lines and prove nothing. */
  public static final int MIN_TOKEN_LENGTH = 6;

  /** Bank text read per line; remittance fields are at most a few hundred characters. */
  public static final int MAX_TEXT_CHARS = 4_096;

  /** Tokens taken from one bank reference. */
  public static final int MAX_TOKENS = 32;

  private static final Pattern TOKEN_SEPARATORS = Pattern.compile("[\\s,]+");
  private static final Pattern WORD_SEPARATORS = Pattern.compile("[^\\p{Alnum}]+");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private PayoutReference() {}

  public static boolean appearsOn(Payout payout, StatementLine line) {
    String text = bankText(line);
    String compact = WHITESPACE.matcher(text).replaceAll("");
    for (String token : tokens(payout.bankReference())) {
      if (compact.contains(token)) {
        return true;
      }
    }
    return carriesBatchId(MatchKey.trimmed(payout.batchId()), text, compact);
  }

  /** Tokens of a bank reference, upper case, split on spaces and commas. */
  public static List<String> tokens(String bankReference) {
    if (bankReference == null) {
      return List.of();
    }
    return TOKEN_SEPARATORS
        .splitAsStream(cut(bankReference))
        .filter(token -> token.length() >= MIN_TOKEN_LENGTH)
        .limit(MAX_TOKENS)
        .map(token -> token.toUpperCase(Locale.ROOT))
        .toList();
  }

  /**
   * A long batch id may appear anywhere; a short one (Adyen numbers its batches 1128, 1129, ...)
   * only as a word of its own, or "batch 11280" would carry batch 1128.
   */
  private static boolean carriesBatchId(String batchId, String text, String compact) {
    if (batchId.isEmpty()) {
      return false;
    }
    String wanted = WHITESPACE.matcher(batchId.toUpperCase(Locale.ROOT)).replaceAll("");
    if (wanted.length() >= MIN_TOKEN_LENGTH) {
      return compact.contains(wanted);
    }
    return WORD_SEPARATORS.splitAsStream(text).anyMatch(wanted::equals);
  }

  private static String bankText(StatementLine line) {
    StringBuilder text = new StringBuilder();
    for (String reference : line.references()) {
      text.append(reference).append(' ');
    }
    if (line.remittanceInfo() != null) {
      text.append(line.remittanceInfo());
    }
    return cut(text.toString()).toUpperCase(Locale.ROOT);
  }

  private static String cut(String text) {
    return text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) : text;
  }
}
