package dev.rehearsal.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.database.Database;
import dev.rehearsal.database.ScratchDatabase;
import dev.rehearsal.migrations.MigrationRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The staircase goes on after each kind of failure, from a database brought to "that migration applied": a failed
 * re-apply (rebuilt straight), a failed undo that rolled back (nothing to do) or that committed part of itself
 * (rebuilt), an up that fails only after the previous rollback lost rows (tried straight, blamed on that rollback).
 * Each later migration can only pass if its predecessor is really applied, so a pass proves the recovery.
 */
abstract class StaircaseRecoveryContract {

  /** A repository whose every kind of failure is followed by a migration that needs its predecessor applied. */
  static final Map<String, String> SCRIPTS = new TreeMap<>(Map.ofEntries(
      Map.entry("001_create_items.sql", """
          CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(40));
          INSERT INTO items (id, name) VALUES (1, 'one');
          INSERT INTO items (id, name) VALUES (2, 'two');
          -- //@UNDO
          DROP TABLE items;
          """),
      // The undo forgets the tags table: the rollback leaves it, and the re-apply cannot create it again.
      Map.entry("002_add_tags.sql", """
          CREATE TABLE tags (name VARCHAR(40));
          ALTER TABLE items ADD COLUMN tag VARCHAR(40);
          -- //@UNDO
          ALTER TABLE items DROP COLUMN tag;
          """),
      // Needs items.tag, which only "002 applied" has.
      Map.entry("003_index_item_tags.sql", """
          CREATE INDEX idx_items_tag ON items (tag);
          -- //@UNDO
          DROP INDEX idx_items_tag;
          """),
      // The undo deletes every item, the two of 001 too: a lossy rollback.
      Map.entry("004_add_item_codes.sql", """
          ALTER TABLE items ADD COLUMN code VARCHAR(10);
          -- //@UNDO
          DELETE FROM items;
          ALTER TABLE items DROP COLUMN code;
          """),
      // Its up fails on an empty items table: only after the rollback of 004.
      Map.entry("005_count_items.sql", """
          CREATE TABLE item_counts (n INTEGER CHECK (n > 0));
          INSERT INTO item_counts (n) SELECT count(*) FROM items;
          -- //@UNDO
          DROP TABLE item_counts;
          """),
      // Needs item_counts, which only "005 applied" has.
      Map.entry("006_add_count_notes.sql", """
          ALTER TABLE item_counts ADD COLUMN note VARCHAR(40);
          -- //@UNDO
          ALTER TABLE item_counts DROP COLUMN note;
          """),
      // The undo commits its first statement before it fails: not as the up left it, so the state is rebuilt.
      Map.entry("007_add_archives.sql", """
          CREATE TABLE archives (id INTEGER);
          CREATE TABLE archive_notes (id INTEGER);
          -- //@UNDO
          DROP TABLE archive_notes;
          COMMIT;
          DROP TABLE no_such_table;
          """),
      // Needs archive_notes, which the failed undo of 007 dropped for good.
      Map.entry("008_add_archive_note_text.sql", """
          ALTER TABLE archive_notes ADD COLUMN text VARCHAR(40);
          -- //@UNDO
          ALTER TABLE archive_notes DROP COLUMN text;
          """),
      // The undo fails and rolls back with its transaction: the migration stays applied as its up left it.
      Map.entry("009_add_labels.sql", """
          CREATE TABLE labels (id INTEGER);
          -- //@UNDO
          DROP TABLE labels;
          DROP TABLE no_such_table;
          """),
      Map.entry("010_add_label_names.sql", """
          ALTER TABLE labels ADD COLUMN name VARCHAR(40);
          -- //@UNDO
          ALTER TABLE labels DROP COLUMN name;
          """)));

  @TempDir
  Path dir;

  private ScratchDatabase scratch;

  abstract Database database();

  @AfterEach
  void drop() {
    if (scratch != null) {
      scratch.close();
    }
  }

  private ScenarioSteps steps() throws IOException {
    Path scripts = Files.createDirectories(dir.resolve("migrations/scripts"));
    Files.createDirectories(dir.resolve("migrations/environments"));
    Files.writeString(dir.resolve("migrations/environments/" + database().name() + ".properties"),
        "changelog=CHANGELOG\n");
    for (Map.Entry<String, String> script : SCRIPTS.entrySet()) {
      Files.writeString(scripts.resolve(script.getKey()), script.getValue());
    }
    MigrationRepository repository = MigrationRepository.open(dir.resolve("migrations"), List.of(scripts),
        database().name());
    scratch = database().createScratch("recovery_" + System.nanoTime());
    return new ScenarioSteps(database(), scratch, repository, dir, dir, dir.resolve("backups"));
  }

  private static List<String> verdicts(StepOutcome outcome) {
    return outcome.verdicts().stream().map(v -> v.migration().fileName() + ": " + v.text()).toList();
  }

  @Test
  void everyMigrationGetsAVerdictAndEachFailureIsFollowedByAPass() throws IOException {
    StepOutcome outcome = steps().run("- roundtrip: all");

    assertEquals(List.of(
        "001_create_items.sql: passed",
        "002_add_tags.sql: re-apply fails",
        "003_index_item_tags.sql: passed",
        "004_add_item_codes.sql: lossy rollback: items.id, items.name",
        "005_count_items.sql: up fails after the round-trip of 4",
        "006_add_count_notes.sql: passed",
        "007_add_archives.sql: down fails",
        "008_add_archive_note_text.sql: passed",
        "009_add_labels.sql: down fails",
        "010_add_label_names.sql: passed"), verdicts(outcome));
    assertEquals("round-trip of 10 migrations: 5 passed, 5 failed", outcome.detail());
  }

  @Test
  void theUpFailureCausedByTheRollbackBeforeNamesItAndSaysItAppliesStraight() throws IOException {
    Verdict up = steps().run("- roundtrip: all").verdicts().get(4);

    assertEquals(Verdict.Kind.UP_FAILS_AFTER_ROUNDTRIP, up.kind());
    assertTrue(up.check().diff().endsWith("On a database migrated straight to 004_add_item_codes.sql it applies: "
        + "the rollback of 004_add_item_codes.sql left the database so that this up fails. The round-trip goes on "
        + "from the straight state."), up.check().diff());
    // The failing statement, where the annotation goes.
    assertEquals(2, up.line());
  }

  @Test
  void rowsSeededBeforeTheRoundTripArePartOfEveryRebuiltState() throws IOException {
    List<StepOutcome> outcomes = steps().runAll("""
        - apply: 001
        - seed: {rows: {items: [{id: 3, name: three}]}}
        - roundtrip: all
        - expect: {rows: {items: 3, item_counts: 1}, query: {sql: "SELECT n FROM item_counts", rows: [[3]]}}
        """);

    assertEquals(List.of(
        "002_add_tags.sql: re-apply fails",
        "003_index_item_tags.sql: passed",
        "004_add_item_codes.sql: lossy rollback: items.id, items.name",
        "005_count_items.sql: up fails after the round-trip of 4",
        "006_add_count_notes.sql: passed",
        "007_add_archives.sql: down fails",
        "008_add_archive_note_text.sql: passed",
        "009_add_labels.sql: down fails",
        "010_add_label_names.sql: passed"), verdicts(outcomes.get(2)));
    // The straight state 005 was rebuilt from holds the seeded row: three items counted, and still there.
    assertEquals(List.of(), outcomes.get(3).checks().stream().filter(c -> !c.passed()).toList());
  }
}
