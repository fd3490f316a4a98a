package dev.recon.ingestion.email;

/**
 * The mailbox could not be read: connection, TLS, login or folder failure. Messages completed
 * before it are recorded; the next poll resumes after them.
 */
public final class MailboxPollException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MailboxPollException(String message, Throwable cause) {
    super(message, cause);
  }
}
