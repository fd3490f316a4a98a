package dev.recon.ingestion.webhook.config;

import dev.recon.ingestion.secret.SecretReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One PSP's webhook endpoint of a tenant, {@code /webhooks/<tenant>/<psp>}. Secrets are references
 * ({@code env:}, {@code file:}, {@code aws-sm:}) resolved on every request through the resolver's
 * cache, so a rotated secret takes effect without a restart; two references are accepted side by
 * side while a PSP rotates (old and new both verify).
 */
public record PspWebhook(
    String psp, SignatureScheme scheme, List<String> secretReferences, boolean requireTimestamp) {

  /** The path segment naming the PSP; lower case so one PSP has one URL. */
  public static final Pattern PSP_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

  /** The current secret and, during a rotation, the previous one. */
  public static final int MAX_SECRET_REFERENCES = 2;

  public PspWebhook {
    Objects.requireNonNull(psp, "psp");
    Objects.requireNonNull(scheme, "scheme");
    secretReferences = List.copyOf(Objects.requireNonNull(secretReferences, "secretReferences"));
  }

  public static PspWebhook of(String psp, SignatureScheme scheme, String... secretReferences) {
    return new PspWebhook(psp, scheme, List.of(secretReferences), false);
  }

  /** Every problem of this entry, each prefixed with where it is; empty when valid. */
  public List<String> problems(String where) {
    List<String> problems = new ArrayList<>();
    String at = where + ".psps[" + psp + "]";
    if (!PSP_NAME.matcher(psp).matches()) {
      problems.add(at + ": psp name must match " + PSP_NAME.pattern());
    }
    if (secretReferences.size() > MAX_SECRET_REFERENCES) {
      problems.add(
          at + ": at most " + MAX_SECRET_REFERENCES + " secret references (current, previous)");
    }
    if (scheme.secretRequired() && secretReferences.isEmpty()) {
      problems.add(at + ": " + scheme + " webhooks need a secret reference");
    }
    for (int i = 0; i < secretReferences.size(); i++) {
      try {
        SecretReference.parse(secretReferences.get(i));
      } catch (IllegalArgumentException e) {
        // The message never repeats the text, which may be a pasted secret.
        problems.add(at + ".secretReferences[" + i + "]: " + e.getMessage());
      }
    }
    if (requireTimestamp && scheme != SignatureScheme.GENERIC_HMAC) {
      problems.add(at + ": requireTimestamp applies to GENERIC_HMAC only");
    }
    return problems;
  }
}
