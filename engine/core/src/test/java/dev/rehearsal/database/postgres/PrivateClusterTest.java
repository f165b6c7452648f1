package dev.rehearsal.database.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.testing.PrivateServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The private cluster the fault and attack tests use instead of the machine's own server. */
class PrivateClusterTest {

  @Test
  void startsOnAFreeLoopbackPortChecksPasswordsRestartsAndLeavesNothingOnClose() throws SQLException {
    Path directory;
    try (PrivateCluster cluster = PrivateServer.start()) {
      directory = cluster.directory();
      assertTrue(cluster.port() != 5432, "port " + cluster.port());
      assertEquals("off", PrivateServer.value(cluster.url(), "SHOW fsync"));
      assertEquals("127.0.0.1", PrivateServer.value(cluster.url(), "SHOW listen_addresses"));
      String wrong = cluster.url().replaceFirst("password=[^&]*", "password=wrong");
      SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(wrong).close());
      assertEquals("28P01", refused.getSQLState(), refused.getMessage());

      String before = PrivateServer.value(cluster.url(), "SELECT pg_postmaster_start_time()");
      cluster.restart();
      assertFalse(before.equals(PrivateServer.value(cluster.url(), "SELECT pg_postmaster_start_time()")));
      cluster.stop();
      assertThrows(SQLException.class, () -> DriverManager.getConnection(cluster.url()).close());
      cluster.start();
      assertEquals("1", PrivateServer.value(cluster.url(), "SELECT 1"));
    }
    assertFalse(Files.exists(directory), directory + " left behind");
  }
}
