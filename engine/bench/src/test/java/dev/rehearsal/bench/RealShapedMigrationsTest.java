package dev.rehearsal.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The real-shaped repository has the shape issue 16 asks for at N = 500. */
class RealShapedMigrationsTest {

  private static final List<Script> SCRIPTS = RealShapedMigrations.generate(500);

  private static long count(String regex) {
    Pattern pattern = Pattern.compile(regex);
    return SCRIPTS.stream().flatMap(s -> s.up().stream()).filter(sql -> pattern.matcher(sql).find()).count();
  }

  @Test
  void fiveHundredMigrationsGrowToAboutNinetyTablesAndTwoHundredFiftyIndexes() {
    assertEquals(500, SCRIPTS.size());
    assertEquals(91, RealShapedMigrations.tables(500));
    assertEquals(236, count("^CREATE (UNIQUE )?INDEX"));
    assertEquals(45, count("^CREATE UNIQUE INDEX"));
    assertEquals(45, count("^CREATE INDEX px\\d+ .* WHERE "));
  }

  @Test
  void everyKindOfChangeIsThereWithAnUndo() {
    for (String kind : List.of("^CREATE SEQUENCE", "^CREATE VIEW", "^CREATE FUNCTION", "RENAME COLUMN",
        "ALTER COLUMN label TYPE", "^INSERT INTO lookup_values", "^UPDATE ", "REFERENCES t\\d+")) {
      assertTrue(count(kind) >= 5, kind + ": " + count(kind));
    }
    assertTrue(SCRIPTS.stream().allMatch(s -> !s.undo().isEmpty()));
  }

  /** Columns at head: 8 to 12 when created, then added columns, references, none dropped but by their own undo. */
  @Test
  void tablesHaveEightToSeventeenColumnsAtHead() {
    Map<String, Integer> columns = new TreeMap<>();
    Pattern create = Pattern.compile("^CREATE TABLE (t\\d+) \\((.*)\\);$");
    Pattern add = Pattern.compile("^ALTER TABLE (t\\d+) ADD COLUMN ");
    for (Script script : SCRIPTS) {
      for (String sql : script.up()) {
        Matcher created = create.matcher(sql);
        Matcher added = add.matcher(sql);
        if (created.find()) {
          columns.put(created.group(1), created.group(2).replaceAll("\\([^)]*\\)", "").split(", ").length);
        } else if (added.find()) {
          columns.merge(added.group(1), 1, Integer::sum);
        }
      }
    }
    assertEquals(91, columns.size());
    assertTrue(columns.values().stream().allMatch(c -> c >= 8 && c <= 17), columns.toString());
  }
}
