package dev.recon.reporting.access;

import java.sql.SQLException;

/** The access schema could not be read or written: infrastructure, not a business outcome. */
public final class AccessStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AccessStoreException(SQLException cause) {
    super(cause.getMessage(), cause);
  }
}
