package dev.recon.reporting.access;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The offline breached/common password list shipped as a resource (SHA-1 hashes; see the README
 * beside it for its source and licence). Loaded once, then only read: thread-safe.
 */
public final class CommonPasswords {

  public static final String RESOURCE = "common-passwords.sha1.gz";

  /** The list is at least this long, or the resource is broken and the check would be hollow. */
  public static final int MIN_ENTRIES = 10_000;

  private static final int MAX_ENTRIES = 2_000_000;

  private final Set<String> sha1Hex;

  private CommonPasswords(Set<String> sha1Hex) {
    this.sha1Hex = sha1Hex;
  }

  private static final class Holder {
    static final CommonPasswords SHIPPED = load();
  }

  /** The shipped list. */
  public static CommonPasswords shipped() {
    return Holder.SHIPPED;
  }

  private static CommonPasswords load() {
    Set<String> hashes = new HashSet<>();
    try (InputStream raw = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
      if (raw == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader reader =
          new BufferedReader(
              new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.US_ASCII));
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.length() == 40) {
          hashes.add(line);
        }
        if (hashes.size() > MAX_ENTRIES) {
          throw new IllegalStateException(RESOURCE + " has more than " + MAX_ENTRIES + " entries");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (hashes.size() < MIN_ENTRIES) {
      throw new IllegalStateException(RESOURCE + " has only " + hashes.size() + " entries");
    }
    return new CommonPasswords(Set.copyOf(hashes));
  }

  public int size() {
    return sha1Hex.size();
  }

  /** True if the password, or its lower-case form, is on the list. */
  public boolean contains(String password) {
    return sha1Hex.contains(sha1(password))
        || sha1Hex.contains(sha1(password.toLowerCase(Locale.ROOT)));
  }

  private static String sha1(String text) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      return HexFormat.of().formatHex(sha1.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1", e);
    }
  }
}
