package dev.recon.ingestion.webhook.signature;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The generic scheme for PSPs without one of their own, and the optional hash of mobile-money
 * callbacks: {@code X-Signature: sha256=<hex>}, HMAC-SHA256 with the secret's UTF-8 bytes over the
 * body, or over {@code <timestamp> + "." + body} when {@code X-Signature-Timestamp} (unix seconds)
 * is sent. A timestamped signature must be within {@link #TOLERANCE}; an endpoint can demand one.
 */
public final class HeaderHmacSignature {

  public static final String SIGNATURE_HEADER = "X-Signature";
  public static final String TIMESTAMP_HEADER = "X-Signature-Timestamp";
  public static final String PREFIX = "sha256=";
  public static final Duration TOLERANCE = Duration.ofMinutes(5);

  private static final Pattern SIGNATURE =
      Pattern.compile(Pattern.quote(PREFIX) + "([0-9a-fA-F]{64})");
  private static final Pattern UNIX_SECONDS = Pattern.compile("[0-9]{1,12}");

  private HeaderHmacSignature() {}

  public static SignatureVerdict verify(
      String signatureHeader,
      String timestampHeader,
      byte[] body,
      List<byte[]> keys,
      Instant now,
      boolean requireTimestamp) {
    if (signatureHeader == null || signatureHeader.isBlank()) {
      return SignatureVerdict.refused(
          SignatureVerdict.Kind.MISSING, "no " + SIGNATURE_HEADER + " header");
    }
    var matcher = SIGNATURE.matcher(signatureHeader.strip());
    if (!matcher.matches()) {
      return SignatureVerdict.refused(
          SignatureVerdict.Kind.MALFORMED,
          SIGNATURE_HEADER + " must be " + PREFIX + "<64 hex digits>");
    }
    List<byte[]> presented = List.of(HexFormat.of().parseHex(matcher.group(1)));
    if (timestampHeader == null) {
      if (requireTimestamp) {
        return SignatureVerdict.refused(
            SignatureVerdict.Kind.MISSING, "no " + TIMESTAMP_HEADER + " header");
      }
      return HmacSha256.anyMatches(keys, presented, body) ? SignatureVerdict.VALID : mismatch();
    }
    String timestamp = timestampHeader.strip();
    if (!UNIX_SECONDS.matcher(timestamp).matches()) {
      return SignatureVerdict.refused(
          SignatureVerdict.Kind.MALFORMED, TIMESTAMP_HEADER + " must be unix seconds");
    }
    byte[] signedPrefix = (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
    if (!HmacSha256.anyMatches(keys, presented, signedPrefix, body)) {
      return mismatch();
    }
    return Timestamps.within(Long.parseLong(timestamp), now, TOLERANCE);
  }

  private static SignatureVerdict mismatch() {
    return SignatureVerdict.refused(
        SignatureVerdict.Kind.MISMATCH, "signature matches no configured secret");
  }
}
