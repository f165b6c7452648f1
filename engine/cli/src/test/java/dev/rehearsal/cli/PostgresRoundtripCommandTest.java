package dev.rehearsal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.testing.PostgresServer;
import dev.rehearsal.testing.RequiresPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rehearse roundtrip} on PostgreSQL: the sample repository, and the NOT NULL that an empty undo leaves. */
@RequiresPostgres
class PostgresRoundtripCommandTest {

  @TempDir
  Path dir;

  @Test
  void theSampleRepositoryRoundTripsCleanlyOnPostgres() throws IOException {
    Path reports = dir.resolve("reports");

    Cli cli = Cli.run("roundtrip", "--project-dir", RoundtripCommandTest.REPOSITORY.toString(), "--database",
        "postgres", "--postgres-url", PostgresServer.url(), "--reports", reports.toString());

    assertEquals("", cli.err());
    assertEquals("Rehearsal run RUN: 1 scenario run (1 scenario)\n" + PostgresServer.superuserNotice("postgres")
        + RoundtripCommandTest.samplePasses("postgres")
        + "PASS   postgres rehearse-roundtrip  N ms  Round-trips: all\n"
        + "1 scenario run: 1 passed, 0 failed, 0 error in N s\n"
        + "Summary: " + reports.resolve("rollback-summary-STAMP.json") + "\n", RoundtripCommandTest.stable(cli.out()));
    assertEquals(0, cli.exitCode());
  }

  @Test
  void aTableOfTheMost1600ColumnsRoundTrips() throws IOException {
    Path project = CorpusProject.create(dir, "temp-table");
    Path scripts = project.resolve("migrations/scripts");
    // Created whole: PostgreSQL counts dropped columns against the 1,600, so re-adding 1,599 by ALTER TABLE after
    // a rollback would fail however the fingerprints are computed.
    Files.writeString(scripts.resolve("20240603000000_create_account_profiles.sql"), "-- // profiles\n"
        + "CREATE TABLE account_profiles (id INTEGER PRIMARY KEY, " + java.util.stream.IntStream.rangeClosed(2, 1600)
            .mapToObj(i -> "p" + i + " VARCHAR(20)").collect(java.util.stream.Collectors.joining(", ")) + ");\n"
        + "INSERT INTO account_profiles (id, p2, p1600) VALUES (1, 'first', 'last');\n\n"
        + "-- //@UNDO\nDROP TABLE account_profiles;\n");
    Files.writeString(scripts.resolve("20240604000000_index_account_profiles.sql"), """
        -- // an index on the widest table
        CREATE INDEX ix_account_profiles_p1600 ON account_profiles (p1600);

        -- //@UNDO
        DROP INDEX ix_account_profiles_p1600;
        """);

    Cli cli = Cli.run("roundtrip", "--project-dir", project.toString(), "--database", "postgres",
        "--postgres-url", PostgresServer.url());

    assertEquals(0, cli.exitCode(), cli.out() + cli.err());
    assertTrue(cli.out().contains("""
          20240603000000_create_account_profiles.sql  passed
          20240604000000_index_account_profiles.sql   passed
        4 migrations on postgres: 4 passed
        PASS   postgres rehearse-roundtrip"""), cli.out());
  }

  @Test
  void anEmptyUndoExits1AndNamesTheMigrationAndTheColumn() {
    Path project = CorpusProject.create(dir, "not-null-empty-undo");

    Cli cli = Cli.run("roundtrip", "--project-dir", project.toString(), "--database", "postgres",
        "--postgres-url", PostgresServer.url());

    assertEquals(1, cli.exitCode(), cli.out() + cli.err());
    assertTrue(cli.out().contains("""
        Round-trips on postgres: 3 migrations
          20240601000000_create_accounts.sql            passed
          20240602000000_require_account_nicknames.sql  no undo section
          20240603000000_add_accounts_bio.sql           passed
        3 migrations on postgres: 2 passed, 1 no undo section
        FAIL   postgres rehearse-roundtrip"""), cli.out());
    assertTrue(cli.out().contains("""
                   column accounts.nickname: NOT NULL after rollback, nullable before
        """), cli.out());
  }
}
