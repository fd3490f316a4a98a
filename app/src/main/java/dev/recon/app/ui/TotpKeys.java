package dev.recon.app.ui;

import dev.recon.app.platform.Platform;
import dev.recon.app.platform.PlatformSetting;
import dev.recon.reporting.access.TotpKey;
import dev.recon.reporting.access.TotpKeyring;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys that seal the UI users' TOTP secrets: the configured ones ({@code access.totpKey}), else
 * (development; production mode refuses a missing key) one generated once into the data folder,
 * readable by its owner only, so restarts on the same data keep working.
 */
final class TotpKeys {

  /** Under the data folder; holds the base64 key and nothing else. */
  static final Path KEY_FILE = Path.of("access", "totp.key");

  /** A base64 key is 44 characters; anything much longer is not one of ours. */
  static final long MAX_KEY_FILE_BYTES = 256;

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private static final Logger LOG = LoggerFactory.getLogger(TotpKeys.class);

  private TotpKeys() {}

  /**
   * @throws IllegalStateException with no key configured, a temporary data folder and an external
   *     database: a key generated there would vanish at exit while the secrets it sealed stay
   */
  static TotpKeyring of(Optional<TotpKeyring> configured, Platform p) {
    if (configured.isPresent()) {
      return configured.get();
    }
    boolean temporaryData = p.config().dataDir() == null;
    if (temporaryData && !p.config().embeddedDatabase()) {
      throw new IllegalStateException(
          "no TOTP key: set "
              + PlatformSetting.TOTP_KEY.filePath()
              + " ("
              + PlatformSetting.TOTP_KEY.environmentVariable()
              + ", base64 of 32 bytes) or a data folder to keep a generated one in; the"
              + " database outlives this process, a key generated now would not");
    }
    return TotpKeyring.of(kept(p.dataRoot().resolve(KEY_FILE)));
  }

  /** The key in {@code file}, created (owner read/write only) when missing. */
  static TotpKey kept(Path file) {
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.getParent());
        TotpKey fresh = TotpKey.generate();
        Path draft = Files.createTempFile(file.getParent(), "totp", ".key");
        try {
          Files.setPosixFilePermissions(draft, OWNER_ONLY);
          Files.writeString(draft, fresh.toBase64() + "\n", StandardCharsets.US_ASCII);
          // a link, not a rename: it never replaces, so a process that got there first wins and
          // both use its key
          Files.createLink(file, draft);
          LOG.warn(
              "Generated a TOTP key (id {}) in {}: development only; configure {} to keep the"
                  + " key outside the data folder",
              fresh.id(),
              file,
              PlatformSetting.TOTP_KEY.environmentVariable());
          return fresh;
        } catch (FileAlreadyExistsException e) {
          // read below
        } finally {
          Files.deleteIfExists(draft);
        }
      }
      if (Files.size(file) > MAX_KEY_FILE_BYTES) {
        throw new IllegalStateException(file + ": not a TOTP key file (too long)");
      }
      try {
        return TotpKey.fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(file + ": " + e.getMessage(), e);
      }
    } catch (IOException e) {
      throw new IllegalStateException("TOTP key file " + file + ": " + e.getMessage(), e);
    }
  }
}
