package dev.recon.ingestion.publish;

/** Kafka did not acknowledge a record: infrastructure failure, the source must retry. */
public final class PublishFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PublishFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
