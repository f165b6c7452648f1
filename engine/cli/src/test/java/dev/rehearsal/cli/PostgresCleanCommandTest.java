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
}
