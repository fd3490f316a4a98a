package dev.recon.ingestion.sftp;

/**
 * How the poller logs in. Only secret references ({@code env:}, {@code file:}, {@code aws-sm:})
 * appear here; values are resolved at every connection, so a rotated secret is used without a
 * restart.
 */
public sealed interface SftpAuthentication {

  /** Password login; {@code passwordRef} names the secret holding the password. */
  record Password(String passwordRef) implements SftpAuthentication {
    @Override
    public String toString() {
      return "Password[" + passwordRef + "]";
    }
  }

  /**
   * Public key login; {@code privateKeyRef} names a secret holding the private key (OpenSSH or PEM
   * text), {@code passphraseRef} the secret holding its passphrase, or null for an unencrypted key.
   */
  record PrivateKey(String privateKeyRef, String passphraseRef) implements SftpAuthentication {
    @Override
    public String toString() {
      return "PrivateKey["
          + privateKeyRef
          + (passphraseRef == null ? "" : ", " + passphraseRef)
          + "]";
    }
  }
}
