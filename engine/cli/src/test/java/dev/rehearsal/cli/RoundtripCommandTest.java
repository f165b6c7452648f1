package dev.rehearsal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rehearse roundtrip} on SQLite: the sample repository, a broken one, and wrong options. */
class RoundtripCommandTest {

  static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();

  @TempDir
  Path dir;

  /** Run ids and timings change from run to run; everything else is asserted as printed. */
  static String stable(String out) {
    return out.replaceAll("Rehearsal run \\d{8}_\\d{6}_[0-9a-f]{4}:", "Rehearsal run RUN:")
        .replaceAll("  \\d+ ms  ", "  N ms  ")
        .replaceAll(" in \\d+\\.\\d s\n", " in N s\n")
        .replaceAll("rollback-summary-\\d{8}T\\d{6}Z-\\d{8}_\\d{6}_[0-9a-f]{4}\\.json", "rollback-summary-STAMP.json");
  }

  /**
   * The verdict lines {@code rehearse roundtrip} prints for the sample repository when every migration passes, and
   * the count under them: names shortened in the middle to 48 columns, so that each line fits 80.
   */
  static String samplePasses(String database) throws IOException {
    try (Stream<Path> scripts = Files.list(REPOSITORY.resolve("migrations/scripts"))) {
      List<String> names = scripts.map(p -> p.getFileName().toString()).sorted().toList();
      StringBuilder lines = new StringBuilder("Round-trips on " + database + ": " + names.size() + " migrations\n");
      int width = Math.min(48, names.stream().mapToInt(String::length).max().orElseThrow());
      for (String name : names) {
        String shown = name.length() <= width ? name + " ".repeat(width - name.length())
            : name.substring(0, width - 3 - (width - 3) / 2) + "..." + name.substring(name.length() - (width - 3) / 2);
        lines.append("  ").append(shown).append("  passed\n");
      }
      return lines.append(names.size()).append(" migrations on ").append(database).append(": ")
          .append(names.size()).append(" passed\n").toString();
    }
  }

  @Test
  void theSampleRepositoryRoundTripsCleanlyOnSqlite() throws IOException {
    Path reports = dir.resolve("reports");

    Cli cli = Cli.run("roundtrip", "--project-dir", REPOSITORY.toString(), "--database", "sqlite", "--reports",
        reports.toString());

    assertEquals("", cli.err());
    assertEquals("Rehearsal run RUN: 1 scenario run (1 scenario)\n" + samplePasses("sqlite")
        + "PASS   sqlite   rehearse-roundtrip  N ms  Round-trips: all\n"
        + "1 scenario run: 1 passed, 0 failed, 0 error in N s\n"
        + "Summary: " + reports.resolve("rollback-summary-STAMP.json") + "\n", stable(cli.out()));
    assertEquals(0, cli.exitCode());
  }

  @Test
  void anEmptyUndoExits1AndNamesTheMigrationAndTheColumn() throws IOException {
    Path project = CorpusProject.create(dir, "not-null-empty-undo");

    Cli cli = Cli.run("roundtrip", "--project-dir", project.toString());

    assertEquals("", cli.err());
    assertEquals("""
        Rehearsal run RUN: 1 scenario run (1 scenario)
        Round-trips on sqlite: 3 migrations
          20240601000000_create_accounts.sql            passed
          20240602000000_require_account_nicknames.sql  no undo section
          20240603000000_add_accounts_bio.sql           passed
        3 migrations on sqlite: 2 passed, 1 no undo section
        FAIL   sqlite   rehearse-roundtrip  N ms  Round-trips: all
               step 1 at rehearse-roundtrip:1:1: roundtrip all
                 failed: roundtrip 20240602000000_require_account_nicknames.sql
                   expected: passed
                   actual:   no undo section
                   migrations/scripts/20240602000000_require_account_nicknames.sql:14: the undo section is empty: a \
        rollback would only delete the changelog row — write the statements that reverse the up section below this line
                  \s
                   A rollback would leave:
                   column accounts.nickname: NOT NULL after rollback, nullable before
                  \s
                   --- before
                   +++ after rollback
                   @@ -3,3 +3,3 @@
                    column accounts.id: integer, NOT NULL, no default
                   -column accounts.nickname: varchar(255), nullable, no default
                   +column accounts.nickname: varchar(255), NOT NULL, no default
                    primary key accounts: (id)
        1 scenario run: 0 passed, 1 failed, 0 error in N s
        Summary: reports/rollback-summary-STAMP.json
        """, stable(cli.out()));
    assertEquals(1, cli.exitCode());
    JsonNode summary = new ObjectMapper().readTree(project.resolve("reports/rehearse-roundtrip--sqlite.json").toFile());
    assertEquals("failed", summary.get("status").asText());
    assertEquals(1, summary.get("failed_checks").size());
    JsonNode failed = summary.get("failed_checks").get(0);
    assertEquals("roundtrip 20240602000000_require_account_nicknames.sql", failed.get("check").asText());
    assertEquals("no undo section", failed.get("actual").asText());
    assertTrue(failed.get("diff").asText().contains(
        "column accounts.nickname: NOT NULL after rollback, nullable before"), failed.get("diff").asText());
  }

  @Test
  void lastAndFromToSelectTheMigrations() {
    Path project = CorpusProject.create(dir, "not-null-empty-undo");

    Cli last = Cli.run("roundtrip", "--project-dir", project.toString(), "--last", "1");
    Cli range = Cli.run("roundtrip", "--project-dir", project.toString(), "--from", "20240601000000", "--to",
        "20240601000000");

    assertEquals(0, last.exitCode(), last.out());
    assertTrue(last.out().contains("""
        Round-trips on sqlite: 1 migration
          20240603000000_add_accounts_bio.sql  passed
        1 migration on sqlite: 1 passed
        PASS   sqlite   rehearse-roundtrip"""), last.out());
    assertTrue(last.out().contains("Round-trips: last 1\n"), last.out());
    assertEquals(0, range.exitCode(), range.out());
    assertTrue(range.out().contains("""
        Round-trips on sqlite: 1 migration
          20240601000000_create_accounts.sql  passed
        1 migration on sqlite: 1 passed
        PASS   sqlite   rehearse-roundtrip"""), range.out());
  }

  @Test
  void wrongSelectionsAreUsageErrors() {
    String project = CorpusProject.create(dir, "not-null-empty-undo").toString();
    String help = "Try 'rehearse roundtrip --help' for more information.\n";

    assertEquals(new Cli(2, "", "error: --last 4 is not between 1 and 3, the number of migrations — leave it out to "
        + "round-trip every migration\n" + help), Cli.run("roundtrip", "--project-dir", project, "--last", "4"));
    assertEquals(new Cli(2, "", "error: --from and --to go together — give both, or --last N, or neither to "
        + "round-trip every migration\n" + help), Cli.run("roundtrip", "--project-dir", project, "--to",
            "20240601000000"));
    assertEquals(new Cli(2, "", "error: --last cannot be combined with --from and --to — give one or the other\n"
        + help), Cli.run("roundtrip", "--project-dir", project, "--last", "1", "--from", "20240601000000", "--to",
            "20240602000000"));
    assertEquals(new Cli(2, "", "error: --from 20240602000000 comes after --to 20240601000000 — --from names the "
        + "oldest migration of the range\n" + help), Cli.run("roundtrip", "--project-dir", project, "--from",
            "20240602000000", "--to", "20240601000000"));
    assertEquals(new Cli(2, "", "error: --from 2024 is not a migration id of the repository — 'rehearse list' shows "
        + "them\n" + help), Cli.run("roundtrip", "--project-dir", project, "--from", "2024", "--to",
            "20240601000000"));
  }
}
