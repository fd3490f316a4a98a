package dev.recon.reporting.casework;

import java.sql.SQLException;

/** The database failed or refused a statement: infrastructure, or a rule the database enforces. */
public final class CaseworkStorageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public CaseworkStorageException(String message, SQLException cause) {
    super(message + ": " + cause.getMessage(), cause);
  }

  /** The SQLSTATE of the database's refusal, e.g. 23514 for a check violation. */
  public String sqlState() {
    return ((SQLException) getCause()).getSQLState();
  }
}
