package dev.recon.ingestion.webhook.signature;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Stripe's {@code Stripe-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>...]}: HMAC-SHA256 with the
 * endpoint secret (its UTF-8 bytes, {@code whsec_} prefix included) over {@code t + "." + body}.
 * Several v1 entries appear while Stripe rolls a secret; any one matching is enough.
 */
public final class StripeSignature {

  public static final String HEADER = "Stripe-Signature";

  /** Stripe's own libraries default to five minutes; applied both ways, against replays. */
  public static final Duration TOLERANCE = Duration.ofMinutes(5);

  public static final int MAX_HEADER_CHARS = 4096;
  public static final int MAX_V1_SIGNATURES = 8;

  private static final Pattern UNIX_SECONDS = Pattern.compile("[0-9]{1,12}");
  private static final Pattern HEX_TAG = Pattern.compile("[0-9a-fA-F]{64}");

  private StripeSignature() {}

  public static SignatureVerdict verify(
      String header, byte[] body, List<byte[]> keys, Instant now) {
    if (header == null || header.isBlank()) {
      return SignatureVerdict.refused(SignatureVerdict.Kind.MISSING, "no " + HEADER + " header");
    }
    if (header.length() > MAX_HEADER_CHARS) {
      return malformed("header over " + MAX_HEADER_CHARS + " characters");
    }
    String timestamp = null;
    List<byte[]> signatures = new ArrayList<>();
    for (String element : header.split(",", -1)) {
      int eq = element.indexOf('=');
      if (eq < 0) {
        continue; // Stripe ignores what it does not understand; so do we.
      }
      String name = element.substring(0, eq).strip();
      String value = element.substring(eq + 1).strip();
      if (name.equals("t")) {
        if (timestamp != null) {
          return malformed("more than one timestamp");
        }
        timestamp = value;
      } else if (name.equals("v1") && HEX_TAG.matcher(value).matches()) {
        if (signatures.size() == MAX_V1_SIGNATURES) {
          return malformed("more than " + MAX_V1_SIGNATURES + " v1 signatures");
        }
        signatures.add(HexFormat.of().parseHex(value));
      }
    }
    if (timestamp == null || !UNIX_SECONDS.matcher(timestamp).matches()) {
      return malformed("no valid timestamp t=");
    }
    if (signatures.isEmpty()) {
      return malformed("no v1 signature of 64 hex digits");
    }
    byte[] signedPrefix = (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
    if (!HmacSha256.anyMatches(keys, signatures, signedPrefix, body)) {
      return SignatureVerdict.refused(
          SignatureVerdict.Kind.MISMATCH, "no v1 signature matches a configured secret");
    }
    return Timestamps.within(Long.parseLong(timestamp), now, TOLERANCE);
  }

  private static SignatureVerdict malformed(String detail) {
    return SignatureVerdict.refused(SignatureVerdict.Kind.MALFORMED, HEADER + ": " + detail);
  }
}
