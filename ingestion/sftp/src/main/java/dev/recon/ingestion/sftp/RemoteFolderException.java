package dev.recon.ingestion.sftp;

/** An SFTP operation on a file failed for a reason other than the file itself (retry later). */
final class RemoteFolderException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  RemoteFolderException(String message, Throwable cause) {
    super(message, cause);
  }
}
