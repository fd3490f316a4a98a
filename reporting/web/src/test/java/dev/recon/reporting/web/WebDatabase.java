package dev.recon.reporting.web;

import dev.recon.ledger.db.EmbeddedLedger;
import dev.recon.reporting.access.AccessDatabase;
import dev.recon.reporting.access.TotpKey;
import dev.recon.reporting.access.TotpKeyring;
import dev.recon.reporting.casework.CaseworkDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;

/** The embedded database the web tests run against: ledger, access and casework schemas. */
final class WebDatabase {
  static final String APP_LOGIN = "recon_web_it";

  /** The keys the tests' users and the server under test share, as one process would. */
  static final TotpKeyring TOTP_KEYS = TotpKeyring.of(TotpKey.generate());

  private WebDatabase() {}

  static EmbeddedLedger start(Path dataDirectory) throws IOException, SQLException {
    return EmbeddedLedger.start(
        dataDirectory,
        APP_LOGIN,
        owner -> {
          AccessDatabase.migrate(owner);
          CaseworkDatabase.migrate(owner);
        });
  }
}
