package dev.rehearsal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.testing.PostgresServer;
import dev.rehearsal.testing.RequiresPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code rehearse clean} on the shared server, with an age of an hour (other runs' scratch databases are younger) and
 * databases this test makes itself: what it skips, it names with the reason.
 */
@RequiresPostgres
class PostgresCleanCommandTest {

  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

  @Test
  void cleanSaysWhatItSkippedAndWhy() {
    String forged = "rehearsal_cliforged_" + System.nanoTime();
    PostgresServer.execute("CREATE DATABASE " + forged);
    try {
      PostgresServer.execute("COMMENT ON DATABASE " + forged + " IS 'Rehearsal scratch database; created "
          + Instant.now().minus(Duration.ofHours(5)) + " by test'");

      Cli cli = Cli.run("clean", "--project-dir", ROOT.toString(), "--database", "postgres", "--postgres-url",
          PostgresServer.url(), "--older-than", "PT1H");

      assertEquals(0, cli.exitCode(), cli.err());
      assertTrue(cli.out().contains("skipped postgres: " + forged + ": its owner postgres is not a role Rehearsal "
          + "created\n"), cli.out());
      assertTrue(cli.out().matches("(?s).*\n\\d+ scratch databases?( and \\d+ roles?)? dropped\n.*"), cli.out());
      assertEquals(List.of(forged), PostgresServer.databases(forged));
    } finally {
      PostgresServer.execute("DROP DATABASE IF EXISTS " + forged);
    }
  }

  @Test
  void aCommentTheScratchRoleWroteIsShownEscaped() {
    String name = "rehearsal_cliesc_" + System.nanoTime();
    String created = Instant.now().minus(Duration.ofHours(5)).toString();
    PostgresServer.execute("CREATE ROLE " + name + " NOLOGIN");
    try {
      PostgresServer.execute("COMMENT ON ROLE " + name + " IS 'Rehearsal scratch role; created " + created
          + " by test'");
      PostgresServer.execute("CREATE DATABASE " + name + " OWNER " + name);
      // What the database's own role may write on it: a marker, then a forged totals line and terminal escapes.
      PostgresServer.execute("COMMENT ON DATABASE " + name + " IS E'Rehearsal scratch database; created " + created
          + " by test\\n0 scratch databases dropped\\u001b]0;pwned\\u0007\\u001b[2J'");

      Cli cli = Cli.run("clean", "--project-dir", ROOT.toString(), "--database", "postgres", "--postgres-url",
          PostgresServer.url(), "--older-than", "PT1H");

      assertEquals(0, cli.exitCode(), cli.err());
      assertTrue(cli.out().chars().noneMatch(c -> c < 0x20 && c != '\n'), cli.out());
      assertTrue(cli.out().contains("dropped postgres: " + name + " (Rehearsal scratch database; created " + created
          + " by test\\n0 scratch databases dropped\\u001b]0;pwned\\u0007\\u001b[2J)\n"), cli.out());
      assertEquals(1, cli.out().lines().filter(l -> l.matches("\\d+ scratch databases? .*dropped")).count(),
          cli.out());
      assertEquals(List.of(), PostgresServer.databases(name));
    } finally {
      PostgresServer.execute("DROP DATABASE IF EXISTS " + name);
      PostgresServer.execute("DROP ROLE IF EXISTS " + name);
    }
  }
}
