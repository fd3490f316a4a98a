package dev.recon.app.platform;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * Run in a child JVM by {@link EmbeddedPostgresServerIT}: starts PostgreSQL on a data folder,
 * writes a row, says so, and waits to be killed without stopping the server.
 */
public final class OrphanMaker {
  static final String READY = "READY";

  private OrphanMaker() {}

  public static void main(String[] args) throws Exception {
    EmbeddedPostgresServer server = EmbeddedPostgresServer.startPersistent(Path.of(args[0]));
    try (Connection c = server.reconDataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("create table survived(note text)");
      s.execute("insert into survived values ('written before kill -9')");
    }
    System.out.println(READY);
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
