package dev.rehearsal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A legacy repository of 500 migrations with every kind of round-trip failure scattered through it gets a verdict for
 * every migration in one {@code rehearse roundtrip} run, each printed as a line of at most 80 columns.
 */
class LegacyRepositoryTest {

  static final int MIGRATIONS = 500;

  private static final String HEADER = "Round-trips on sqlite: " + MIGRATIONS + " migrations";

  @TempDir
  Path dir;

  static Map<String, String> environment() {
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.remove(RunCommand.STEP_SUMMARY_VARIABLE);
    environment.remove("GITHUB_ACTIONS");
    environment.put("COLUMNS", "80");
    return environment;
  }

  @Test
  void everyMigrationGetsItsVerdictInOneRun() throws IOException {
    LegacyRepository repository = LegacyRepository.create(dir, MIGRATIONS);

    long t0 = System.nanoTime();
    Cli cli = Cli.run(environment(), false, "roundtrip", "--project-dir", dir.toString());
    System.out.printf("round-trip of %d migrations on SQLite: %d ms%n", MIGRATIONS,
        (System.nanoTime() - t0) / 1_000_000);

    assertEquals(1, cli.exitCode(), cli.err());
    JsonNode summary = new ObjectMapper().readTree(dir.resolve("reports/rehearse-roundtrip--sqlite.json").toFile());
    Map<String, String> verdicts = new LinkedHashMap<>();
    for (JsonNode migration : summary.get("steps").get(0).get("migrations")) {
      verdicts.put(Path.of(migration.get("file").asText()).getFileName().toString(),
          migration.get("verdict").asText());
    }
    assertEquals(repository.expected(), verdicts);
    List<String> lines = cli.out().lines().toList();
    int counts = lines.indexOf("500 migrations on sqlite: 412 passed, 24 no undo section,");
    List<String> verdictLines = lines.subList(lines.indexOf(HEADER) + 1, counts);
    assertEquals(List.of(), verdictLines.stream().filter(l -> l.length() > 80).toList());
    assertEquals(MIGRATIONS, verdictLines.stream().filter(l -> l.startsWith("  2020")).count());
    // Verdicts start in one column (80 - 28 for the verdict), long names shortened in the middle to make room, and
    // a verdict longer than its column goes on under itself.
    assertEquals(List.of(), verdictLines.stream().filter(l -> !l.substring(50, 52).equals("  ") || l.charAt(52) == ' ')
        .toList());
    assertTrue(cli.out().contains("\n  20200101000070_record_t...ble_entry_number_7.sql  passed\n"), cli.out());
    assertTrue(cli.out().contains("""
          20200101000190_count_the_rows_of_the_box.sql      up fails after the
                                                            round-trip of 20200101000180
        """), cli.out());
    assertEquals("""
        500 migrations on sqlite: 412 passed, 24 no undo section,
          12 rollback leaves trace, 12 lossy rollback, 13 down fails, 13 re-apply fails,
          12 up fails after a round-trip, 1 up fails, 1 not checked""", String.join("\n",
        lines.subList(counts, counts + 3)));
  }
}
