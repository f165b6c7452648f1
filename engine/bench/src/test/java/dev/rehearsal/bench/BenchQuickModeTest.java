package dev.rehearsal.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark end to end, in its quick mode, on SQLite: every measurement is made and the results file is whole.
 * The per-step CLI, one JVM per step, runs on the first migration only (its time extrapolated, as the output says):
 * the whole of it would be most of this test's time and measure nothing more of the output's shape.
 */
class BenchQuickModeTest {

  private static final Path HOME = Path.of("../..").toAbsolutePath().normalize();

  @TempDir
  Path temp;

  @Test
  void quickModeMeasuresEveryCaseAndWritesEveryKey() throws IOException {
    Path results = temp.resolve("results.json");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Bench.run(List.of("--quick", "--cli-slice", "1", "--database", "sqlite", "--out", results.toString(), "--work",
        temp.resolve("work").toString()), HOME, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
    JsonNode root = new ObjectMapper().readTree(results.toFile());
    assertEquals(Set.of("machine", "settings", "roundtrip", "suite", "growth", "targets", "peak_rss_mb", "runs"),
        keys(root));
    assertEquals(Set.of("cores", "java", "os", "databases", "load_before", "load_after"), keys(root.get("machine")));
    assertTrue(root.get("settings").get("quick").asBoolean());
    assertEquals(1, root.get("settings").get("cli_slice").asInt());
    assertRows(root.get("roundtrip"), 2, Set.of("database", "migrations", "tables", "rehearse_ms",
        "per_migration_ms", "cli_script_ms",
        "raw_sql_ms", "cli_over_rehearse", "rehearse_over_raw_sql", "peak_rss_mb"));
    assertRows(root.get("suite"), 3, Set.of("database", "migrations", "scenarios", "cached_ms", "uncached_ms",
        "one_job_ms", "uncached_over_cached", "one_job_over_two_jobs", "peak_rss_mb"));
    assertRows(root.get("growth"), 4, Set.of("database", "measure", "size", "from", "to", "from_ms", "to_ms",
        "ratio", "exponent"));
    assertRows(root.get("targets"), 9, Set.of("database", "target", "required", "measured", "unit", "met"));
    assertRows(root.get("runs"), 11, Set.of("database", "measure", "migrations", "scenarios", "ms", "peak_rss_kb"));
    String table = out.toString(StandardCharsets.UTF_8);
    for (String heading : List.of("Round-trip of every migration", "Suite: rehearse run", "Growth", "Targets")) {
      assertTrue(table.contains(heading), () -> "missing '" + heading + "' in:\n" + table);
    }
    assertTrue(table.contains("extrapolated per migration to 6"), table);
  }

  /** {@code count} rows, each with a value for every key (round-trip runs have no scenarios key). */
  private static void assertRows(JsonNode rows, int count, Set<String> expected) {
    assertEquals(count, rows.size(), rows::toPrettyString);
    for (JsonNode row : rows) {
      Set<String> keys = keys(row);
      assertTrue(expected.containsAll(keys) && keys.size() >= expected.size() - 1, () -> keys + " in " + row);
      row.properties().forEach(field -> assertFalse(field.getValue().isNull() && !optional(field.getKey()),
          () -> field.getKey() + " is null in " + row));
    }
  }

  /** Only the suite at its largest size is measured without the cache and with one job. */
  private static boolean optional(String key) {
    return Set.of("uncached_ms", "one_job_ms", "uncached_over_cached", "one_job_over_two_jobs").contains(key);
  }

  private static Set<String> keys(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return new TreeSet<>(names);
  }
}
