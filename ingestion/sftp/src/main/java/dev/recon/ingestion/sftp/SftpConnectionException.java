package dev.recon.ingestion.sftp;

/**
 * The poll could not start or list the root folder: nothing was taken, and the next poll tries
 * again. The message names the host and the reason, never a secret.
 */
public final class SftpConnectionException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why the server could not be used. */
  public enum Reason {
    /** The server's host key is not the one in known_hosts (or none is listed): possible MITM. */
    HOST_KEY_REJECTED,
    /** The server refused the password or key, or the key could not be loaded. */
    AUTHENTICATION_FAILED,
    /** A referenced secret could not be read. */
    SECRET_UNAVAILABLE,
    /** known_hosts could not be read. */
    KNOWN_HOSTS_UNAVAILABLE,
    /** No connection, a timeout, or the SFTP subsystem failed. */
    UNREACHABLE,
    /** Connected, but the root folder could not be listed. */
    LISTING_FAILED
  }

  private final Reason reason;

  public SftpConnectionException(Reason reason, String message, Throwable cause) {
    super(reason + ": " + message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
