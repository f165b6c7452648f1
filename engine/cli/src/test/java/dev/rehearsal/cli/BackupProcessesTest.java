package dev.rehearsal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.testing.PostgresServer;
import dev.rehearsal.testing.RequiresPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pg_dump dies with Rehearsal, and one that outlives it cannot finish a file: {@code rehearse backup} runs in a
 * process of its own while the test holds a lock that pg_dump waits for (on a partitioned table's parent, which the
 * manifest's snapshot does not read), and the process is stopped by SIGTERM or killed with {@code kill -9}.
 */
@RequiresPostgres
class BackupProcessesTest {

  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

  @TempDir
  Path temp;

  private final String database = "cli_backup_kill_" + System.nanoTime();
  private Connection lock;

  @BeforeEach
  void aDatabaseWhosePartitionedTableIsLocked() throws SQLException {
    PostgresServer.execute("CREATE DATABASE " + database);
    assertEquals(0, Cli.run("apply", "--project-dir", ROOT.toString(), "--database", "postgres", "--postgres-url",
        PostgresServer.url(), "--db", database, "--to", "head", "--yes", "--no-backup").exitCode());
    lock = DriverManager.getConnection(PostgresServer.url(database));
    try (Statement statement = lock.createStatement()) {
      statement.execute("CREATE TABLE events (id INTEGER, at DATE) PARTITION BY RANGE (at)");
      statement.execute("CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO "
          + "('2026-01-01')");
      statement.execute("INSERT INTO events VALUES (1, '2025-06-01')");
    }
    lock.setAutoCommit(false);
    try (Statement statement = lock.createStatement()) {
      statement.execute("LOCK TABLE ONLY events IN ACCESS EXCLUSIVE MODE");
    }
  }

  @AfterEach
  void releaseAndDrop() throws SQLException {
    lock.close();
    PostgresServer.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
  }

  private Process startBackup() throws IOException {
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "backup", "--project-dir",
        ROOT.toString(), "--database", "postgres", "--postgres-url", PostgresServer.url(), "--db", database,
        "--out", temp.resolve("backups/nightly.dump").toString(), "--allow-outside-project");
    return builder.redirectErrorStream(true).redirectOutput(temp.resolve("out.txt").toFile()).start();
  }

  /** The pg_dump the backup started, once it waits for the lock. */
  private ProcessHandle awaitBlockedPgDump(Process backup) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      Optional<ProcessHandle> pgDump = backup.descendants()
          .filter(p -> p.info().command().map(c -> c.endsWith("/pg_dump")).orElse(false)).findFirst();
      String waiting = PostgresServer.queryValue("SELECT count(*) FROM pg_stat_activity WHERE datname = '" + database
          + "' AND application_name = 'pg_dump' AND wait_event_type = 'Lock'");
      if (pgDump.isPresent() && "1".equals(waiting)) {
        return pgDump.get();
      }
      assertTrue(backup.isAlive(), "the backup ended early: " + Files.readString(temp.resolve("out.txt")));
      Thread.sleep(100);
    }
    throw new AssertionError("pg_dump never waited for the lock: " + Files.readString(temp.resolve("out.txt")));
  }

  private List<Path> files() throws IOException {
    Path backups = temp.resolve("backups");
    if (!Files.exists(backups)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(backups)) {
      return files.sorted().toList();
    }
  }

  @Test
  void sigtermKillsTheRunningPgDumpAndRemovesThePartialFile() throws Exception {
    Process backup = startBackup();
    try {
      ProcessHandle pgDump = awaitBlockedPgDump(backup);

      new ProcessBuilder("kill", "-TERM", String.valueOf(backup.pid())).start().waitFor();

      assertTrue(backup.waitFor(30, TimeUnit.SECONDS), "the backup did not stop after SIGTERM");
      // The lock is still held: only Rehearsal's shutdown hook can have ended pg_dump.
      pgDump.onExit().get(10, TimeUnit.SECONDS);
      assertEquals(List.of(), files(), "files left after SIGTERM");
    } finally {
      backup.destroyForcibly();
    }
  }

  @Test
  void afterKillMinus9TheOrphanedPgDumpCannotFinishAnyFile() throws Exception {
    Process backup = startBackup();
    ProcessHandle pgDump;
    try {
      pgDump = awaitBlockedPgDump(backup);
      new ProcessBuilder("kill", "-KILL", String.valueOf(backup.pid())).start().waitFor();
      assertTrue(backup.waitFor(30, TimeUnit.SECONDS), "the backup did not die of kill -9");
    } finally {
      backup.destroyForcibly();
    }
    assertTrue(pgDump.isAlive(), "kill -9 runs no hook: pg_dump is still waiting for the lock");
    List<Path> left = files();
    assertEquals(1, left.size(), left.toString());
    Path partial = left.get(0);
    assertTrue(partial.getFileName().toString().matches("\\.nightly\\.dump\\.[0-9a-f]{32}\\.partial"), left
        .toString());

    lock.commit();

    // Free to go on, pg_dump writes to a pipe nobody reads: its first write ends it.
    pgDump.onExit().get(30, TimeUnit.SECONDS);
    assertFalse(pgDump.isAlive());
    assertEquals(List.of(partial), files(), "no file under a backup's name");
    assertEquals(0, Files.size(partial), "the orphan wrote into the partial file");
  }
}
