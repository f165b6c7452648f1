package dev.rehearsal.database.mariadb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.database.BackupContents;
import dev.rehearsal.database.ClassifiedError;
import dev.rehearsal.database.DatabaseException;
import dev.rehearsal.database.ScratchDatabase;
import dev.rehearsal.database.ScratchMarkers;
import dev.rehearsal.database.SchemaFact;
import dev.rehearsal.scenario.ErrorClass;
import dev.rehearsal.testing.MariadbServer;
import dev.rehearsal.testing.RequiresMariadb;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@RequiresMariadb
class MariadbDatabaseTest {

  private final MariadbDatabase database = new MariadbDatabase("mariadb", MariadbServer.url(), "5min", "30s",
      "utf8mb4_bin", null);

  private static String label() {
    return "mdbtest_" + System.nanoTime();
  }

  @Test
  void stepsRunAsAUserOfTheRunsOwnThatSeesOnlyItsDatabaseAndBothAreDroppedOnClose() throws SQLException {
    String name;
    try (ScratchDatabase scratch = database.createScratch(label())) {
      name = scratch.location();
      assertEquals(List.of(name), MariadbServer.databases(name));
      assertEquals(List.of(name), MariadbServer.users(name));
      try (Connection connection = scratch.connect(); Statement statement = connection.createStatement()) {
        assertEquals(name + "@%", value(statement, "SELECT CURRENT_USER()"));
        List<String> visible = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery("SHOW DATABASES")) {
          while (rs.next()) {
            visible.add(rs.getString(1));
          }
        }
        assertEquals(List.of("information_schema", name), visible);
        SQLException refused = assertThrows(SQLException.class,
            () -> statement.execute("CREATE DATABASE " + name + "_other"));
        assertEquals(1044, refused.getErrorCode(), refused.getMessage());
        assertEquals("300.000000 30 30", value(statement,
            "SELECT CONCAT_WS(' ', @@max_statement_time, @@lock_wait_timeout, @@innodb_lock_wait_timeout)"));
        assertEquals("utf8mb4_bin", value(statement, "SELECT @@collation_database"));
      }
    }
    assertEquals(List.of(), MariadbServer.databases(name));
    assertEquals(List.of(), MariadbServer.users(name));
    assertEquals(List.of(), database.dropProblems());
  }

  @Test
  void theShutdownSweepDropsEveryLiveScratchDatabaseAndNoNewOneStarts() {
    MariadbDatabase stopping = new MariadbDatabase("mariadb", MariadbServer.url(), "5min", "30s", null, null);
    String label = label();
    stopping.createScratch(label + "_a");
    stopping.createScratch(label + "_b");
    assertEquals(2, MariadbServer.databases("rehearsal_" + label).size());

    stopping.dropLeftovers();

    assertEquals(List.of(), MariadbServer.databases("rehearsal_" + label));
    assertEquals(List.of(), MariadbServer.users("rehearsal_" + label));
    DatabaseException refused = assertThrows(DatabaseException.class, () -> stopping.createScratch(label + "_c"));
    assertEquals("cannot create scratch database rehearsal_" + label + "_c: the run is stopping (Ctrl-C or SIGTERM)",
        refused.getMessage());
    assertEquals(List.of(), MariadbServer.databases("rehearsal_" + label));
  }

  @Test
  void aDatabaseWhoseMarkerChangedIsLeftAloneAndReported() {
    ScratchDatabase scratch = database.createScratch(label());
    String name = scratch.location();
    try {
      MariadbServer.execute("ALTER DATABASE " + name + " COMMENT 'production data, do not drop'");
      scratch.close();
      assertEquals(List.of(name), MariadbServer.databases(name));
      assertEquals(List.of("left " + name + " alone: it is not the database this run created (its comment is not "
          + "the marker written when it was created); its user is left with it"), database.dropProblems());
    } finally {
      MariadbServer.execute("DROP DATABASE IF EXISTS " + name);
      MariadbServer.execute("DROP USER IF EXISTS '" + name + "'@'%'");
    }
  }

  @Test
  void cleanDropsOnlyMarkedDatabasesOlderThanTheAgeWithTheirUsers() {
    String old = ScratchMarkers.name(label() + "_old");
    String foreign = ScratchMarkers.name(label() + "_foreign");
    MariadbServer.execute("CREATE DATABASE " + old + " COMMENT '"
        + ScratchMarkers.database(Instant.now().minus(Duration.ofHours(2))).replace("'", "''") + "'");
    MariadbServer.execute("CREATE USER '" + old + "'@'%'");
    MariadbServer.execute("GRANT ALL ON `" + old.replace("_", "\\_") + "`.* TO '" + old + "'@'%'");
    MariadbServer.execute("CREATE DATABASE " + foreign + " COMMENT 'someone else''s'");
    try (ScratchDatabase young = database.createScratch(label())) {
      List<String> skipped = new ArrayList<>();
      List<String> kept = new ArrayList<>();
      // The overload rehearse clean calls: the young ones are told apart so that it can count them.
      List<String> dropped = database.clean(Duration.ofHours(1), skipped::add, kept::add);
      assertTrue(dropped.stream().anyMatch(d -> d.startsWith(old + " (Rehearsal scratch database; created ")), dropped
          .toString());
      assertTrue(dropped.contains("user " + old), dropped.toString());
      assertTrue(skipped.contains(foreign + ": its comment is not Rehearsal's marker"), skipped.toString());
      assertTrue(kept.stream().anyMatch(s -> s.startsWith(young.location() + ": created ")), kept.toString());
      assertEquals(List.of(), MariadbServer.databases(old));
      assertEquals(List.of(), MariadbServer.users(old));
      assertEquals(List.of(foreign), MariadbServer.databases(foreign));
      assertEquals(List.of(young.location()), MariadbServer.databases(young.location()));
    } finally {
      MariadbServer.execute("DROP DATABASE IF EXISTS " + foreign);
      MariadbServer.execute("DROP DATABASE IF EXISTS " + old);
      MariadbServer.execute("DROP USER IF EXISTS '" + old + "'@'%'");
    }
  }

  @Test
  void driverErrorsAreClassifiedByTheirVendorCode() throws SQLException {
    try (ScratchDatabase scratch = database.createScratch(label()); Connection connection = scratch.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE p (id INT PRIMARY KEY)");
      statement.execute("CREATE TABLE t (id INT PRIMARY KEY, p INT NOT NULL, n INT CHECK (n > 0), "
          + "FOREIGN KEY (p) REFERENCES p (id))");
      statement.execute("INSERT INTO p VALUES (1)");
      statement.execute("INSERT INTO t VALUES (1, 1, 1)");
      Map<String, ErrorClass> cases = Map.of(
          "INSERT INTO t VALUES (1, 1, 1)", ErrorClass.UNIQUE_VIOLATION,
          "INSERT INTO t VALUES (2, NULL, 1)", ErrorClass.NOT_NULL_VIOLATION,
          "INSERT INTO t VALUES (3, 9, 1)", ErrorClass.FOREIGN_KEY_VIOLATION,
          "INSERT INTO t VALUES (4, 1, 0)", ErrorClass.CHECK_VIOLATION,
          "SELECT * FROM missing", ErrorClass.UNDEFINED_TABLE,
          "SELECT nope FROM t", ErrorClass.UNDEFINED_COLUMN,
          "CREATE TABLE t (id INT)", ErrorClass.DUPLICATE_TABLE,
          "ALTER TABLE t ADD COLUMN n INT", ErrorClass.DUPLICATE_COLUMN,
          "SELEKT 1", ErrorClass.SYNTAX_ERROR,
          "INSERT INTO t VALUES ('x', 1, 1)", ErrorClass.INVALID_TEXT_REPRESENTATION);
      for (Map.Entry<String, ErrorClass> c : cases.entrySet()) {
        SQLException e = assertThrows(SQLException.class, () -> statement.execute(c.getKey()), c.getKey());
        ClassifiedError classified = database.classify(e);
        assertEquals(c.getValue(), classified.errorClass(), c.getKey() + ": " + e.getMessage());
      }
    }
  }

  @Test
  void theCatalogGivesTheSameFactsAsTheOtherEngines() throws SQLException {
    try (ScratchDatabase scratch = database.createScratch(label()); Connection connection = scratch.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE users (id INT AUTO_INCREMENT PRIMARY KEY, email VARCHAR(20) NOT NULL, "
          + "CONSTRAINT uq_users_email UNIQUE (email))");
      statement.execute("CREATE TABLE posts (id INT PRIMARY KEY, user_id INT, status ENUM('a','b') DEFAULT 'a', "
          + "CONSTRAINT fk_posts_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL, "
          + "CONSTRAINT ck_posts_id CHECK (id > 0)) ENGINE=MyISAM");
      statement.execute("CREATE VIEW v AS SELECT id FROM users");
      List<String> lines = database.catalog().facts(connection, Set.of("CHANGELOG")).stream()
          .map(SchemaFact::line).sorted().toList();
      assertEquals(List.of(
          "check posts.ck_posts_id: id > 0",
          "column posts.id: int(11), NOT NULL, no default",
          "column posts.status: enum('a','b'), nullable, default 'a'",
          "column posts.user_id: int(11), nullable, no default",
          "column users.email: varchar(20), NOT NULL, no default",
          "column users.id: int(11), NOT NULL, auto_increment",
          "index fk_posts_user on posts: (user_id), not unique, btree",
          "index uq_users_email on users: (email), unique, btree",
          "primary key posts: (id)",
          "primary key users: (id)",
          "table posts: engine MyISAM",
          "table users",
          "view v: select users.id AS id from users"), lines);
    }
  }

  @Test
  void aBackupIsReadBackWithItsRowsAndRestoresIntoAnotherScratchDatabase(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("b.sql");
    try (ScratchDatabase source = database.createScratch(label()); ScratchDatabase target =
        database.createScratch(label())) {
      try (Connection connection = source.connect(); Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE notes (id INT PRIMARY KEY, body TEXT)");
        statement.execute("INSERT INTO notes VALUES (1, 'it''s (one)'), (2, 'two;\\nlines'), (3, NULL)");
        statement.execute("CREATE VIEW v AS SELECT id FROM notes");
      }
      try (OutputStream out = Files.newOutputStream(file)) {
        database.backups().write(source.location(), out);
      }
      assertEquals(new BackupContents(Map.of("notes", 3L)), database.backups().read(file));
      database.backups().restore(file, target.location());
      try (Connection a = source.connect(); Connection b = target.connect()) {
        assertEquals(database.catalog().fingerprint(a, "notes", List.of("body", "id")),
            database.catalog().fingerprint(b, "notes", List.of("body", "id")));
        assertEquals(database.catalog().facts(a, Set.of()), database.catalog().facts(b, Set.of()));
      }
      Path truncated = dir.resolve("t.sql");
      byte[] bytes = Files.readAllBytes(file);
      Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length - 40));
      DatabaseException refused = assertThrows(DatabaseException.class, () -> database.backups().read(truncated));
      assertEquals("t.sql is truncated: it does not end with the '-- Dump completed' line mariadb-dump writes last",
          refused.getMessage());
    }
  }

  @Test
  void aDumpRehearsalDidNotWriteIsRefusedWhenItReachesOutsideItsDatabase(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("nightly.sql");
    Files.writeString(file, """
        -- MariaDB dump 10.19  Distrib 10.11.19-MariaDB, for debian-linux-gnu (x86_64)
        CREATE TABLE `t` (
          `id` int(11) NOT NULL
        );
        INSERT INTO `t` VALUES
        (1),
        (2);
        USE `production`;
        DROP TABLE `orders`;
        -- Dump completed
        """);
    assertEquals(new BackupContents(Map.of("t", 2L)), database.backups().read(file));
    DatabaseException refused = assertThrows(DatabaseException.class, () -> database.backups().readExternal(file));
    assertEquals("nightly.sql:8: refused: a statement that reaches outside the database it is restored into (USE, "
        + "CREATE/DROP DATABASE, users and grants)", refused.getMessage());
    assertEquals("mariadb-dump SQL", database.backups().formatOf(file));
    Path other = dir.resolve("other.dump");
    Files.writeString(other, "PGDMP");
    assertThrows(DatabaseException.class, () -> database.backups().formatOf(other));
  }

  private static String value(Statement statement, String sql) throws SQLException {
    try (ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
