package dev.recon.reporting.access;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/** A TOTP shared secret in base32, as stored and as typed into an authenticator app. */
public record TotpSecret(String base32) {

  /** 160 bits, the HMAC-SHA-1 block-size recommendation of RFC 4226. */
  public static final int SECRET_BYTES = 20;

  public static final String ISSUER = "recon";

  private static final SecureRandom RANDOM = new SecureRandom();

  public TotpSecret {
    if (Base32.decode(base32).length < 10) {
      throw new IllegalArgumentException("TOTP secret shorter than 80 bits");
    }
  }

  public static TotpSecret generate() {
    byte[] bytes = new byte[SECRET_BYTES];
    RANDOM.nextBytes(bytes);
    return new TotpSecret(Base32.encode(bytes));
  }

  public byte[] bytes() {
    return Base32.decode(base32);
  }

  /** The otpauth:// URI an authenticator app imports (Google Authenticator key URI format). */
  public String otpauthUri(String accountName) {
    String label = encode(ISSUER) + ":" + encode(accountName);
    return "otpauth://totp/"
        + label
        + "?secret="
        + base32
        + "&issuer="
        + encode(ISSUER)
        + "&algorithm=SHA1&digits="
        + Totp.DIGITS
        + "&period="
        + Totp.STEP_SECONDS;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public String toString() {
    return "TotpSecret[hidden]";
  }
}
