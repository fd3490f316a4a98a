package dev.recon.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EmbeddedPostgresServerIT {
  @TempDir Path dataDir;

  @Test
  void runsPostgres17OnLoopbackWithTheReconDatabase() throws Exception {
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startTemporary()) {
      assertThat(server.jdbcUrl("recon"))
          .isEqualTo("jdbc:postgresql://127.0.0.1:" + server.port() + "/recon");
      assertThat(query(server.reconDataSource(), "select version()")).startsWith("PostgreSQL 17.");
      assertThat(query(server.reconDataSource(), "select current_database()")).isEqualTo("recon");
      assertThat(query(server.reconDataSource(), "select host(inet_server_addr())"))
          .isEqualTo("127.0.0.1");
      assertThat(query(server.reconDataSource(), "show listen_addresses")).isEqualTo("127.0.0.1");
    }
  }

  @Test
  void keepsDataAcrossRestartsInAGivenFolder() throws Exception {
    Path folder = dataDir.resolve("pg");
    int firstPort;
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startPersistent(folder)) {
      firstPort = server.port();
      execute(server.reconDataSource(), "create table kept(note text)");
      execute(server.reconDataSource(), "insert into kept values ('still here')");
    }
    assertThat(LoopbackChecks.canBind(firstPort)).isTrue();

    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startPersistent(folder)) {
      assertThat(query(server.reconDataSource(), "select note from kept")).isEqualTo("still here");
      assertThat(query(server.reconDataSource(), "show synchronous_commit")).isEqualTo("on");
    }
    assertThat(folder.resolve("PG_VERSION")).hasContent("17");
  }

  @Test
  void aTemporaryServerRemovesItsFolder() throws Exception {
    Path folder;
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startTemporary()) {
      folder = server.dataDir();
      assertThat(folder).isDirectory();
    }
    assertThat(Files.exists(folder)).isFalse();
  }

  @Test
  void rolesOtherThanTheSuperuserNeedTheirPassword() throws Exception {
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startTemporary()) {
      execute(server.reconDataSource(), "create role recon_it_login login password 'right'");

      assertThat(
              query(server.dataSource("recon", "recon_it_login", "right"), "select current_user"))
          .isEqualTo("recon_it_login");
      assertThatThrownBy(
              () -> query(server.dataSource("recon", "recon_it_login", "wrong"), "select 1"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("password authentication failed");
      assertThatThrownBy(
              () -> query(server.dataSource("recon", "recon_it_login", null), "select 1"))
          .isInstanceOf(SQLException.class);
    }
  }

  @Test
  void takesOverAFolderWhoseProcessDiedWithoutStoppingPostgres() throws Exception {
    Path folder = dataDir.resolve("pg");
    Path output = dataDir.resolve("child.out");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                OrphanMaker.class.getName(),
                folder.toString())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    try {
      while (!Files.readString(output).contains(OrphanMaker.READY)) {
        assertThat(child.isAlive()).as("child JVM still starting").isTrue();
        Thread.sleep(100);
      }
    } finally {
      child.destroyForcibly().waitFor();
    }
    long orphan = Long.parseLong(Files.readAllLines(folder.resolve("postmaster.pid")).get(0));
    assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).contains(true);

    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startPersistent(folder)) {
      assertThat(query(server.reconDataSource(), "select note from survived"))
          .isEqualTo("written before kill -9");
    }
    assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }

  @Test
  void refusesAFolderThatAnotherLiveServerUses() throws Exception {
    Path folder = dataDir.resolve("pg");
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startPersistent(folder)) {
      assertThatThrownBy(() -> EmbeddedPostgresServer.startPersistent(folder))
          .isInstanceOf(java.io.IOException.class)
          .hasMessageContaining("in use by another running recon process");
      assertThat(query(server.reconDataSource(), "select 1")).isEqualTo("1");
    }
  }

  private static String query(DataSource dataSource, String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static void execute(DataSource dataSource, String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
