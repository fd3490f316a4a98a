package dev.recon.app.platform;

import java.util.Objects;
import javax.sql.DataSource;

/**
 * Where and as whom to reach the database: the owner login (migrations, provisioning) and the
 * application login (everything else; row-level security applies to it). Passwords may be null.
 */
public record DatabaseEndpoints(
    String ownerUrl,
    String ownerUser,
    String ownerPassword,
    String appUrl,
    String appUser,
    String appPassword) {

  public DatabaseEndpoints {
    Objects.requireNonNull(ownerUrl, "ownerUrl");
    Objects.requireNonNull(ownerUser, "ownerUser");
    Objects.requireNonNull(appUrl, "appUrl");
    Objects.requireNonNull(appUser, "appUser");
    if (ownerUser.equals(appUser)) {
      throw new IllegalArgumentException("The application login must not be the owner");
    }
  }

  /** An unpooled data source for the owner login. */
  public DataSource ownerDataSource() {
    return PostgresDataSources.of(ownerUrl, ownerUser, ownerPassword);
  }

  /** An unpooled data source for the application login (it must have been provisioned). */
  public DataSource appDataSource() {
    return PostgresDataSources.of(appUrl, appUser, appPassword);
  }

  @Override
  public String toString() {
    return "DatabaseEndpoints{ownerUrl="
        + Secrets.maskJdbcUrl(ownerUrl)
        + ", ownerUser="
        + ownerUser
        + ", ownerPassword="
        + Secrets.mask(ownerPassword)
        + ", appUrl="
        + Secrets.maskJdbcUrl(appUrl)
        + ", appUser="
        + appUser
        + ", appPassword="
        + Secrets.mask(appPassword)
        + "}";
  }
}
