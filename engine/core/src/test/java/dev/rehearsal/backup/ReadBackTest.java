package dev.rehearsal.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rehearsal.database.ScratchDatabase;
import dev.rehearsal.database.Session;
import dev.rehearsal.database.sqlite.SqliteDatabase;
import dev.rehearsal.run.Project;
import dev.rehearsal.run.RunId;
import dev.rehearsal.run.RunListener;
import dev.rehearsal.run.RunOptions;
import dev.rehearsal.run.ScenarioResult;
import dev.rehearsal.run.Status;
import dev.rehearsal.schema.Snapshot;
import dev.rehearsal.schema.Snapshots;
import dev.rehearsal.steps.Check;
import dev.rehearsal.testing.PostgresServer;
import dev.rehearsal.testing.RequiresPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup is read back before it gets its name, and must hold what the manifest says: a dump tool that exits 0
 * after writing only part of its archive, or a database that changed between the manifest's snapshot and the dump,
 * is a failed backup that leaves no file under a backup's name.
 */
class ReadBackTest {

  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

  @TempDir
  Path temp;

  private List<String> filesUnder(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
    }
  }

  /**
   * A {@code pg_dump} that runs the real one and passes on only the first two thirds of its archive, then exits 0:
   * what pg_dump 15 did on a full disk, as far as anyone trusting its exit code could tell.
   */
  private Path truncatingPgDump() throws IOException {
    Path bin = Files.createDirectories(temp.resolve("bin"));
    String real = "/usr/lib/postgresql/15/bin";
    Path pgDump = Files.writeString(bin.resolve("pg_dump"), """
        #!/bin/sh
        if [ "$1" = "--version" ]; then exec %1$s/pg_dump --version; fi
        %1$s/pg_dump "$@" > "%2$s/whole.dump" || exit 1
        head -c $(( $(stat -c %%s "%2$s/whole.dump") * 2 / 3 )) "%2$s/whole.dump"
        exit 0
        """.formatted(real, bin));
    Files.setPosixFilePermissions(pgDump, PosixFilePermissions.fromString("rwxr-xr-x"));
    // A script, not a link: JUnit warns when it deletes a link that leads out of its temporary directory.
    Path pgRestore = Files.writeString(bin.resolve("pg_restore"), "#!/bin/sh\nexec " + real + "/pg_restore \"$@\"\n");
    Files.setPosixFilePermissions(pgRestore, PosixFilePermissions.fromString("rwxr-xr-x"));
    return bin;
  }

  @Test
  @RequiresPostgres
  void aDumpCutShortByAToolThatExitedZeroIsAFailedBackup() throws IOException {
    Path scenario = Files.writeString(temp.resolve("cut.yaml"), """
        scenario: backs up with a pg_dump that stops early and says nothing
        databases: [postgres]
        steps:
          - apply: head
          - seed: front-page.sql
          - backup: before-deploy
        """);
    Path backups = temp.resolve("backups");
    Project project = Project.open(ROOT, Map.of("paths.backups", backups.toString(), "paths.allow_outside_project",
        "true", "databases.postgres.url", PostgresServer.url(), "databases.postgres.bin_dir",
        truncatingPgDump().toString()));

    ScenarioResult run = project.run(RunId.next(), project.readScenarios(List.of(scenario)),
        project.databases(List.of("postgres")), new RunOptions(false, false, 1, false), new RunListener() {})
        .scenarios().get(0);

    assertEquals(Status.FAILED, run.status(), run.toString());
    Check check = run.steps().get(2).checks().get(0);
    assertEquals("the backup was written but cannot be read back: pg_restore cannot read TEMPORARY (exit 1): "
        + "pg_restore: error: could not read from input file: end of file — no backup was written",
        check.actual().replaceAll("/\\S+/\\.before-deploy\\.dump\\.[0-9a-f]{32}\\.partial", "TEMPORARY"));
    assertEquals(List.of(), filesUnder(backups));
  }

  @Test
  void aDatabaseThatChangedAfterItsSnapshotIsAFailedBackup() throws SQLException, IOException {
    SqliteDatabase sqlite = new SqliteDatabase("sqlite");
    try (ScratchDatabase scratch = sqlite.createScratch("changed")) {
      try (Connection connection = scratch.connect(); Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE CHANGELOG (ID NUMERIC PRIMARY KEY)");
        statement.execute("INSERT INTO CHANGELOG VALUES (20240101000000)");
        statement.execute("CREATE TABLE users (id INTEGER PRIMARY KEY)");
        statement.execute("INSERT INTO users VALUES (1), (2)");
      }
      Snapshot snapshot;
      try (Session session = new Session(sqlite, scratch)) {
        snapshot = Snapshots.take(session, "CHANGELOG", "nightly", "20240101000000", List.of());
      }
      try (Connection connection = scratch.connect(); Statement statement = connection.createStatement()) {
        statement.execute("INSERT INTO users VALUES (3)");
        statement.execute("CREATE TABLE audit (id INTEGER)");
      }
      Path target = temp.resolve("backups/nightly.sqlite");

      BackupException e = assertThrows(BackupException.class,
          () -> Backups.write(sqlite, scratch.location(), target, snapshot, "CHANGELOG", false));

      assertEquals("the backup file read back does not hold what the database held: tables.users.rows: 2 in the "
          + "manifest, 3 in the backup file; tables: audit is in the backup file, not in the manifest — no backup "
          + "was written (if the database changed while it was backed up, take the backup again)", e.getMessage());
      assertEquals(List.of(), filesUnder(temp.resolve("backups")));
    }
  }
}
