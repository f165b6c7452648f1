package dev.rehearsal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rehearse roundtrip --update-baseline} on a legacy repository of 42 migrations, nine of them failing: the
 * baseline it writes, a rerun that accepts them, and what fails afterwards — a changed byte in an accepted
 * migration's undo, a new migration with a broken undo — and stale entries.
 */
class BaselineCommandTest {

  @TempDir
  Path dir;

  private static final Pattern FAILED = Pattern.compile("\n {9}failed: roundtrip (\\S+)\n");

  private Cli roundtrip(String... options) {
    String[] args = new String[options.length + 3];
    args[0] = "roundtrip";
    args[1] = "--project-dir";
    args[2] = dir.toString();
    System.arraycopy(options, 0, args, 3, options.length);
    return Cli.run(LegacyRepositoryTest.environment(), false, args);
  }

  /** The scripts named under "failed:" in the output, in order. */
  private static List<String> failed(Cli cli) {
    Matcher matcher = FAILED.matcher(cli.out());
    List<String> names = new java.util.ArrayList<>();
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  private static String countsOf(Cli cli) {
    return cli.out().lines().filter(l -> l.startsWith("42 migrations on sqlite") || l.startsWith("43 migrations")
        || l.startsWith("41 migrations")).findFirst().orElse(cli.out());
  }

  @Test
  void theBaselineAcceptsTodaysVerdictsAndFailsOnlyOnWhatChanges() throws IOException {
    LegacyRepository repository = LegacyRepository.create(dir, 42);

    Cli failing = roundtrip();
    Cli update = roundtrip("--update-baseline");
    Cli accepted = roundtrip();

    assertEquals(1, failing.exitCode());
    assertEquals(9, failed(failing).size(), failing.out());
    assertEquals(0, update.exitCode(), update.out() + update.err());
    assertTrue(update.out().contains("\nBaseline rehearsal-baseline.yaml written: 42 entries: 42 new, 0 changed, 0 "
        + "stale entries removed\n"), update.out());
    assertEquals(0, accepted.exitCode(), accepted.out());
    assertEquals("42 migrations on sqlite: 33 passed, 9 accepted (baseline)", countsOf(accepted));
    assertTrue(accepted.out().contains("\n  20200101000050_create_b..._by_the_wrong_name.sql  accepted (baseline)\n"),
        accepted.out());

    // One byte of an accepted migration's undo: it fails, and only it.
    Path downFails = dir.resolve("migrations/scripts/20200101000050_create_box_dropped_by_the_wrong_name.sql");
    String script = Files.readString(downFails);
    Files.writeString(downFails, script.replace("box_5_typo", "box_5_typp"));
    Cli changed = roundtrip();
    Files.writeString(downFails, script);

    assertEquals(1, changed.exitCode());
    assertEquals(List.of("20200101000050_create_box_dropped_by_the_wrong_name.sql"), failed(changed));
    assertTrue(changed.out().contains("""
                   actual:   down fails
                   the script changed since rehearsal-baseline.yaml:23 accepted 'down fails' for it
        """), changed.out());

    // A new migration with a broken undo, between two accepted ones: it fails, and only it.
    repository.write("migrations/scripts/20200101000255_add_ledger_flag.sql", """
        ALTER TABLE ledger ADD COLUMN flag INTEGER;
        -- //@UNDO
        ALTER TABLE ledger DROP COLUMN flagg;
        """);
    Cli added = roundtrip();

    assertEquals(1, added.exitCode());
    assertEquals(List.of("20200101000255_add_ledger_flag.sql"), failed(added));
    assertTrue(added.out().contains("""
                   actual:   down fails
                   new since rehearsal-baseline.yaml: it has no entry for 20200101000255_add_ledger_flag.sql on \
        sqlite
        """), added.out());
  }

  @Test
  void anEntryWhoseScriptIsGoneIsStaleAndTheNextUpdateRemovesIt() throws IOException {
    LegacyRepository.create(dir, 42);
    assertEquals(0, roundtrip("--update-baseline").exitCode());
    Files.delete(dir.resolve("migrations/scripts/20200101000020_add_ledger_entry_2.sql"));

    Cli stale = roundtrip();
    Cli update = roundtrip("--update-baseline");

    assertEquals(0, stale.exitCode(), stale.out());
    assertTrue(stale.out().endsWith("rehearsal-baseline.yaml:14:5: stale entry: 20200101000020_add_ledger_entry_2.sql "
        + "on sqlite has no script any more — 'rehearse roundtrip --update-baseline' removes it\n"), stale.out());
    assertTrue(update.out().contains("written: 41 entries: 0 new, 0 changed, 1 stale entry removed\n"), update.out());
    assertTrue(!Files.readString(dir.resolve("rehearsal-baseline.yaml")).contains("_add_ledger_entry_2.sql"));
  }

  @Test
  void theBaselineHasOneSortedEntryPerMigrationWithVerdictHashAndReason() throws IOException {
    LegacyRepository.create(dir, 42);
    roundtrip("--update-baseline");

    List<String> lines = Files.readAllLines(dir.resolve("rehearsal-baseline.yaml"));
    List<String> keys = lines.stream().filter(l -> l.matches("    \\S+:")).map(l -> l.strip().replace(":", ""))
        .toList();
    List<String> scripts;
    try (var files = Files.list(dir.resolve("migrations/scripts"))) {
      scripts = files.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertEquals(scripts, keys);
    String text = String.join("\n", lines);
    assertTrue(text.contains("""
        baseline: 1
        databases:
          sqlite:
            20200101000000_create_ledger.sql:
              verdict: "passed"
              sha256:\s"""), text);
    Matcher entry = Pattern.compile("    20200101000050_create_box_dropped_by_the_wrong_name.sql:\n"
        + "      verdict: \"down fails\"\n      sha256: [0-9a-f]{64}\n      reason: \"rollback 1 step failed in "
        + "20200101000050_create_box_dropped_by_the_wrong_name.sql: \\[SQLITE_ERROR\\] SQL error or missing "
        + "database \\(no such table: box_5_typo\\)\"\n").matcher(text + "\n");
    assertTrue(entry.find(), text);
  }

  @Test
  void aBaselineThatCannotBeReadIsInvalidInputWithItsPosition() throws IOException {
    LegacyRepository repository = LegacyRepository.create(dir, 3);
    repository.write("rehearsal-baseline.yaml", """
        baseline: 1
        databases:
          sqlite:
            20200101000000_create_ledger.sql:
              verdict: passed
              sha256: abc
              because: reasons
        """);

    Cli cli = roundtrip();

    assertEquals(new Cli(2, "", """
        rehearsal-baseline.yaml:7:7: unknown key 'because' in the entry of 20200101000000_create_ledger.sql — expected \
        verdict, sha256, reason
        1 problem found; nothing was run.
        """), cli);
  }
}
