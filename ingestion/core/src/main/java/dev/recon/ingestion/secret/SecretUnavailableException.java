package dev.recon.ingestion.secret;

/** A referenced secret cannot be read; the message names the reference, never a value. */
public final class SecretUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SecretUnavailableException(String message) {
    super(message);
  }

  public SecretUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
