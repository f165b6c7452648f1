package dev.rehearsal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearsal.backup.Backups;
import dev.rehearsal.testing.PostgresServer;
import dev.rehearsal.testing.RequiresPostgres;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restore onto PostgreSQL checks the backup before it touches the target: a SQLite backup with a valid checksum,
 * one whose manifest claims to be PostgreSQL's, and a truncated dump whose checksum and manifest match it are all
 * refused, and the target keeps every table and row it had.
 */
@RequiresPostgres
class PostgresRestoreChecksTest {

  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path temp;

  private final String source = "cli_restore_source_" + System.nanoTime();
  private final String target = "cli_restore_target_" + System.nanoTime();

  @BeforeEach
  void aSourceAndATargetWithData() throws SQLException {
    PostgresServer.execute("CREATE DATABASE " + source);
    PostgresServer.execute("CREATE DATABASE " + target);
    for (String database : List.of(source, target)) {
      assertEquals(0, rehearse("apply", "--db", database, "--to", "20250106000000", "--yes", "--no-backup").exitCode());
    }
    execute(source, "INSERT INTO users (id, email, full_name) VALUES (1, 'ada@example.com', 'Ada Lovelace')");
    execute(target, "INSERT INTO users (id, email, full_name) VALUES (7, 'kept@example.com', 'Kept')");
  }

  @AfterEach
  void dropDatabases() {
    PostgresServer.execute("DROP DATABASE IF EXISTS " + source + " WITH (FORCE)");
    PostgresServer.execute("DROP DATABASE IF EXISTS " + target + " WITH (FORCE)");
  }

  private static Cli rehearse(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--project-dir", ROOT.toString()));
    // verify-backup touches no database: it takes neither a server nor a database.
    if (!args[0].equals("verify-backup")) {
      all.addAll(List.of("--postgres-url", PostgresServer.url()));
      if (!all.contains("--database")) {
        all.addAll(List.of("--database", "postgres"));
      }
    }
    return Cli.run(all.toArray(String[]::new));
  }

  private static void execute(String database, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(PostgresServer.url(database));
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** Every table of the target with its rows, and its changelog: what "unchanged" means here. */
  private List<String> targetContent() throws SQLException {
    List<String> content = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(PostgresServer.url(target));
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT schemaname || '.' || tablename FROM pg_tables WHERE "
            + "schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1")) {
      while (rs.next()) {
        content.add(rs.getString(1));
      }
    }
    try (Connection connection = DriverManager.getConnection(PostgresServer.url(target));
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT id || ' ' || email FROM users ORDER BY id")) {
      while (rs.next()) {
        content.add(rs.getString(1));
      }
    }
    return content;
  }

  private static void rewriteManifest(Path manifest, String field, String value) throws IOException {
    ObjectNode json = (ObjectNode) JSON.readTree(manifest.toFile());
    json.put(field, value);
    Files.writeString(manifest, json.toPrettyString());
  }

  @Test
  void aSqliteBackupWithAValidChecksumLeavesAPostgresTargetUnchanged() throws Exception {
    Path sqliteDb = Files.createFile(temp.resolve("app.sqlite"));
    assertEquals(0, rehearse("apply", "--database", "sqlite", "--db", sqliteDb.toString(), "--to", "head",
        "--yes", "--no-backup").exitCode());
    Path backup = temp.resolve("app.sqlite.bak");
    Cli written = rehearse("backup", "--database", "sqlite", "--db", sqliteDb.toString(), "--out", backup.toString(),
        "--allow-outside-project");
    assertEquals(0, written.exitCode(), written.err());
    List<String> before = targetContent();

    assertEquals(new Cli(1, "", "error: app.sqlite.bak is a sqlite backup (database_kind in its manifest), and the "
        + "target is a postgres database — restore it into a sqlite database\nnothing was restored: " + target
        + " was not touched\n"), rehearse("restore", "--db", target, "--from", backup.toString(), "--yes"));
    assertEquals(before, targetContent());

    // The manifest edited to claim the kind of the target: PostgreSQL's reader refuses the file itself.
    rewriteManifest(temp.resolve("app.sqlite.manifest.json"), "database_kind", "postgres");
    Cli restore = rehearse("restore", "--db", target, "--from", backup.toString(), "--yes");
    assertEquals(new Cli(1, "", "error: app.sqlite.bak cannot be read as a postgres backup (database_kind in its "
        + "manifest): pg_restore cannot read " + backup + " (exit 1): pg_restore: error: input file does not appear "
        + "to be a valid archive\nnothing was restored: " + target + " was not touched\n"), restore);
    assertEquals(before, targetContent());
  }

  @Test
  void aTruncatedDumpWhoseChecksumMatchesIsRefusedBeforeTheTargetIsTouched() throws Exception {
    Path dump = temp.resolve("source.dump");
    Cli written = rehearse("backup", "--db", source, "--out", dump.toString(), "--allow-outside-project");
    assertEquals(0, written.exitCode(), written.err());
    try (RandomAccessFile file = new RandomAccessFile(dump.toFile(), "rw")) {
      file.setLength(file.length() * 2 / 3);
    }
    // What a full disk left before: pg_dump exited 0, and the checksum and manifest were those of the cut file.
    String sha256 = Backups.sha256(dump);
    Files.writeString(temp.resolve("source.dump.sha256"), sha256 + "  source.dump\n");
    rewriteManifest(temp.resolve("source.manifest.json"), "sha256", sha256);
    List<String> before = targetContent();

    String refused = "error: source.dump cannot be read as a postgres backup (database_kind in its manifest): "
        + "pg_restore cannot read " + dump + " (exit 1): pg_restore: error: could not read from input file: end of "
        + "file\n";
    assertEquals(new Cli(1, "", refused), rehearse("verify-backup", dump.toString()));
    assertEquals(new Cli(1, "", refused + "nothing was restored: " + target + " was not touched\n"),
        rehearse("restore", "--db", target, "--from", dump.toString(), "--yes"));
    assertEquals(before, targetContent());
  }
}
