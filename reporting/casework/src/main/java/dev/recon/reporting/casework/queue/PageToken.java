package dev.recon.reporting.casework.queue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the next page starts: the sort, and the last row's sort value and exception id. Opaque to
 * the caller (base64url text); a token of another sort, or a damaged one, is refused as a value.
 */
public record PageToken(QueueSort sort, String lastValue, String lastExceptionId) {

  /** Tokens longer than this are not read (an exception id is at most 300 characters). */
  public static final int MAX_TOKEN_CHARS = 1_000;

  public PageToken {
    Objects.requireNonNull(sort, "sort");
    Objects.requireNonNull(lastValue, "lastValue");
    Objects.requireNonNull(lastExceptionId, "lastExceptionId");
  }

  public String encode() {
    String text = sort.name() + "\n" + lastValue + "\n" + lastExceptionId;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The token, or empty if the text is not a token of this sort. */
  public static Optional<PageToken> decode(String token, QueueSort expectedSort) {
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
      return Optional.empty();
    }
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    String[] parts = text.split("\n", 3);
    if (parts.length != 3 || !parts[0].equals(expectedSort.name()) || parts[2].isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new PageToken(expectedSort, parts[1], parts[2]));
  }
}
