package dev.recon.ingestion.webhook.event;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What makes two deliveries the same event: the PSP's event id (or a content hash where it has
 * none). It is the dedupe key and names the raw record's file.
 */
public record EventKey(String dedupeKey) {

  /** Well under the store's dedupe key limit (512), leaving room for the file name around it. */
  public static final int MAX_KEY_CHARS = 200;

  /** Ids are compared as text and end up in file names: nothing but these characters. */
  public static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]*");

  public EventKey {
    Objects.requireNonNull(dedupeKey, "dedupeKey");
    if (dedupeKey.length() > MAX_KEY_CHARS || !SAFE.matcher(dedupeKey).matches()) {
      throw new IllegalArgumentException("event key must match " + SAFE + " within 200 chars");
    }
  }

  public static boolean isSafe(String text) {
    return text != null
        && !text.isEmpty()
        && text.length() <= MAX_KEY_CHARS
        && SAFE.matcher(text).matches();
  }

  /** {@code webhook-<key>.json}, colons (Adyen's key parts) turned into dashes. */
  public String fileName() {
    return "webhook-" + dedupeKey.replace(':', '-') + ".json";
  }
}
