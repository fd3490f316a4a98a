package dev.recon.ingestion.webhook.signature;

import java.util.Objects;

/** Whether a webhook proved its origin, and if not, why (for the audit line, never the reply). */
public record SignatureVerdict(Kind kind, String detail) {

  public enum Kind {
    VALID,
    /** No signature where the scheme needs one. */
    MISSING,
    /** A signature that cannot be read (not hex/base64, wrong length, no timestamp). */
    MALFORMED,
    /** Well formed, but no configured secret produces it: spoofed or tampered. */
    MISMATCH,
    /** Genuine but signed outside the tolerance: a replay, or a badly wrong clock. */
    STALE_TIMESTAMP
  }

  public static final SignatureVerdict VALID = new SignatureVerdict(Kind.VALID, "signature valid");

  public SignatureVerdict {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
  }

  public static SignatureVerdict refused(Kind kind, String detail) {
    if (kind == Kind.VALID) {
      throw new IllegalArgumentException("a refusal needs a reason");
    }
    return new SignatureVerdict(kind, detail);
  }

  public boolean valid() {
    return kind == Kind.VALID;
  }
}
