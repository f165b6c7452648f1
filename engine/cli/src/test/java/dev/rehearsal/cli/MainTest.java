package dev.rehearsal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The top command: version, help, and what happens without a subcommand. */
class MainTest {

  @Test
  void versionPrintsTheBuiltVersionAndJava() {
    Cli cli = Cli.run("--version");

    assertEquals(0, cli.exitCode());
    assertEquals("", cli.err());
    // Filtered from the pom: a placeholder or "unknown" would mean the jar's version is lost.
    assertTrue(cli.out().matches("rehearse \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\nJava "
        + System.getProperty("java.version").replace(".", "\\.") + "\n"), cli.out());
  }

  @Test
  void helpListsTheCommandsAndTheExitCodes() {
    Cli cli = Cli.run("--help");

    assertEquals(new Cli(0, """
        Usage: rehearse [-hV] [-C=DIR] [COMMAND]
        Rehearses database migration rollbacks and restores before production has to.
          -C, --project-dir=DIR   The project: the directory that holds rehearsal.yaml.
                                    Default: the nearest directory at or above the
                                    working directory that has one.
          -h, --help              Show this help message and exit.
          -V, --version           Print version information and exit.
        Commands:
          init           Set Rehearsal up in a MyBatis repository (or a new one):
                           rehearsal.yaml with what it finds, a first scenario, a CI
                           workflow. Never overwrites a file.
          run            Run scenarios, each on a fresh scratch database, and write
                           JSON summaries.
          roundtrip      Apply, roll back and re-apply each migration in turn on a
                           fresh database, and check that each rollback gives back the
                           schema and data before it. Needs no scenario file.
          drill          Recovery drill on a backup file (a pg_dump archive or plain
                           dump, a SQLite file): restore it into a scratch database,
                           round-trip the pending migrations on its rows, roll back,
                           check that the restored schema and data are back, and time
                           it against --rto.
          validate       Check scenario files (keys, types, migration ids, fixtures)
                           and the migration scripts (undo sections, statements MyBatis
                           would cut or drop) without running them.
          list           List the migrations and the scenarios of the project.
          status         Show applied and pending migrations of a database.
          apply          Apply migrations to a database up to a version, after a
                           checksummed backup of it under paths.backups, read back
                           before anything is changed.
          rollback       Roll a database back to a version (that version stays
                           applied), after a checksummed backup of it under paths.
                           backups, read back before anything is changed.
          backup         Back up a database to FILE, with FILE.sha256 and a manifest
                           beside it, read back before it gets its name.
          restore        Restore a backup into a database: the backup checked first
                           (nothing is touched if it is wrong), then the restore, then
                           a check against the manifest.
          verify-backup  Check a backup without touching any database: its checksum,
                           its manifest, and the whole file read back by its engine.
          clean          Drop scratch databases and roles left behind by crashed runs
                           (only Rehearsal's own, recognised by name, marker and owner,
                           and only older than --older-than), and remove their partial
                           backups.
          report         Work with the reports of earlier runs (merge the shards of a
                           CI run).

        Exit codes:
          0   success (every scenario passed)
          1   a check failed or a scenario had an error
          2   invalid input or usage (file:line:col messages on stderr)
          3   infrastructure error (database unreachable, reports not writable)
        """, ""), cli);
  }

  @Test
  void subcommandHelpShowsItsUsageAndExitCodes() {
    Cli cli = Cli.run("run", "--help");

    assertEquals(0, cli.exitCode());
    assertTrue(cli.out().startsWith("Usage: rehearse run "), cli.out());
    assertTrue(cli.out().endsWith("""
        Exit codes:
          0   success (every scenario passed)
          1   a check failed or a scenario had an error
          2   invalid input or usage (file:line:col messages on stderr)
          3   infrastructure error (database unreachable, reports not writable)
        """), cli.out());
  }

  @Test
  void withoutACommandItAsksForOne() {
    assertEquals(new Cli(2, "", """
        error: Missing required subcommand
        Try 'rehearse --help' for more information.
        """), Cli.run());
  }
}
