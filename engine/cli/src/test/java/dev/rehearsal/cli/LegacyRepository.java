package dev.rehearsal.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A legacy MyBatis repository built for a test: {@code count} migrations on SQLite, most of them fine, with every kind
 * of round-trip failure scattered through them in a cycle of 40 — an undo that fails, a re-apply that fails, a lossy
 * rollback followed by an up that fails only because of it, a rollback that leaves a trace, an empty undo, a missing
 * undo marker — and long script names. The second-to-last migration cannot be applied at all, so the last one is not
 * checked. {@link #expected()} is the verdict each migration must get.
 */
final class LegacyRepository {

  static final long FIRST_ID = 20200101000000L;

  final Path root;
  private final Map<String, String> expected = new LinkedHashMap<>();

  private LegacyRepository(Path root) {
    this.root = root;
  }

  /** Writes {@code rehearsal.yaml}, the environment and {@code count} scripts under {@code root}. */
  static LegacyRepository create(Path root, int count) {
    LegacyRepository repository = new LegacyRepository(root);
    repository.write("rehearsal.yaml", "paths:\n  reports: reports\n");
    repository.write("migrations/environments/sqlite.properties", "changelog=CHANGELOG\n");
    repository.write(repository.name(0, "create_ledger"), """
        -- // create ledger
        CREATE TABLE ledger (id INTEGER PRIMARY KEY, note VARCHAR(40));
        INSERT INTO ledger (id, note) VALUES (0, 'opening');

        -- //@UNDO
        DROP TABLE ledger;
        """, "passed");
    for (int i = 1; i < count; i++) {
      repository.migration(i, count);
    }
    return repository;
  }

  /** The file name of every script, by id, with the verdict it must get. */
  Map<String, String> expected() {
    return expected;
  }

  /** The id of the i-th migration; ids are ten apart, so a test can add one in between. */
  static BigDecimal id(int i) {
    return BigDecimal.valueOf(FIRST_ID + 10L * i);
  }

  private String name(int i, String words) {
    return "migrations/scripts/" + id(i).toPlainString() + "_" + words + ".sql";
  }

  private void migration(int i, int count) {
    String box = "box_" + i;
    if (i == count - 2) {
      write(name(i, "insert_into_a_missing_table"), """
          INSERT INTO no_such_table (id) VALUES (1);
          -- //@UNDO
          DELETE FROM no_such_table;
          """, "up fails");
      return;
    }
    if (i == count - 1) {
      write(name(i, "after_the_broken_one"), entry(i), "not checked");
      return;
    }
    switch (i % 40) {
      // The undo names the wrong table: it fails, and its transaction rolls back.
      case 5 -> write(name(i, "create_box_dropped_by_the_wrong_name"), """
          CREATE TABLE %1$s (id INTEGER);
          -- //@UNDO
          DROP TABLE %1$s_typo;
          """.formatted(box), "down fails");
      // The undo forgets the side table: the rollback leaves it and the re-apply cannot create it again.
      case 11 -> write(name(i, "create_box_with_side_table"), """
          CREATE TABLE %1$s (id INTEGER);
          CREATE TABLE %1$s_side (id INTEGER);
          -- //@UNDO
          DROP TABLE %1$s;
          """.formatted(box), "re-apply fails");
      // A box with three rows: after it, an undo that deletes them all, then an up that needs them.
      case 17 -> write(name(i, "create_box"), """
          CREATE TABLE %1$s (id INTEGER PRIMARY KEY, label VARCHAR(20));
          INSERT INTO %1$s (id, label) VALUES (1, 'one');
          INSERT INTO %1$s (id, label) VALUES (2, 'two');
          -- //@UNDO
          DROP TABLE %1$s;
          """.formatted(box), "passed");
      case 18 -> write(name(i, "add_a_third_row_to_the_box"), """
          INSERT INTO box_%1$d (id, label) VALUES (3, 'three');
          -- //@UNDO
          DELETE FROM box_%1$d;
          """.formatted(i - 1), "lossy rollback: box_" + (i - 1) + ".id, box_" + (i - 1) + ".label");
      case 19 -> write(name(i, "count_the_rows_of_the_box"), """
          CREATE TABLE %1$s (n INTEGER CHECK (n > 2));
          INSERT INTO %1$s (n) SELECT count(*) FROM box_%2$d;
          -- //@UNDO
          DROP TABLE %1$s;
          """.formatted(box, i - 2), "up fails after the round-trip of " + id(i - 1).toPlainString());
      case 23 -> write(name(i, "create_box_if_missing"), """
          CREATE TABLE IF NOT EXISTS %1$s (id INTEGER);
          -- //@UNDO
          DELETE FROM %1$s;
          """.formatted(box), "rollback leaves trace");
      case 29 -> write(name(i, "backfill_ledger_notes"), """
          UPDATE ledger SET note = 'backfilled' WHERE note IS NULL;
          -- //@UNDO
          -- nothing to undo, the author thought
          """, "no undo section");
      case 31 -> write(name(i, "add_ledger_entry_without_marker"), """
          INSERT INTO ledger (id, note) VALUES (%d, 'no marker');
          """.formatted(i), "no undo section");
      case 0, 10, 20, 30 -> write(name(i, "add_ledger_column_" + i), """
          ALTER TABLE ledger ADD COLUMN c_%1$d INTEGER;
          -- //@UNDO
          ALTER TABLE ledger DROP COLUMN c_%1$d;
          """.formatted(i), "passed");
      default -> write(name(i, i % 7 == 0
          ? "record_the_quarterly_reconciliation_of_accounts_payable_entry_number_" + i : "add_ledger_entry_" + i),
          entry(i), "passed");
    }
  }

  private static String entry(int i) {
    return """
        INSERT INTO ledger (id, note) VALUES (%1$d, 'entry %1$d');
        -- //@UNDO
        DELETE FROM ledger WHERE id = %1$d;
        """.formatted(i);
  }

  private void write(String relative, String text, String verdict) {
    write(relative, text);
    expected.put(relative.substring(relative.lastIndexOf('/') + 1), verdict);
  }

  void write(String relative, String text) {
    Path file = root.resolve(relative);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
