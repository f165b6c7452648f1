package dev.rehearsal.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.database.Database;
import dev.rehearsal.database.ScratchDatabase;
import dev.rehearsal.database.Session;
import dev.rehearsal.database.TableFingerprint;
import dev.rehearsal.migrations.MigrationRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table as wide as the engine allows (see the subclasses) in snapshots, data comparisons and a round-trip: the
 * fingerprint query must not run into the engine's limits on function arguments, result columns or expression depth.
 */
abstract class WideTablesContract {

  @TempDir
  Path project;

  private ScratchDatabase scratch;
  private ScenarioSteps steps;

  abstract Database database();

  abstract String environment();

  /** The most columns a table may have on this engine. */
  abstract int widest();

  /** The type of the wide table's columns. */
  String columnType() {
    return "VARCHAR(20)";
  }

  /** The undo of the index on the wide table. */
  String dropIndex() {
    return "DROP INDEX ix_profiles_a2;";
  }

  @BeforeEach
  void writeRepositoryAndCreateScratch() throws IOException {
    Path migrations = project.resolve("migrations");
    Files.createDirectories(migrations.resolve("environments"));
    Files.createDirectories(migrations.resolve("scripts"));
    Files.createDirectories(project.resolve("fixtures"));
    Files.writeString(migrations.resolve("environments/" + environment() + ".properties"), "changelog=CHANGELOG\n");
    Files.writeString(migrations.resolve("scripts/20240101000000_create_profiles.sql"), "-- // profiles\n"
        + "CREATE TABLE profiles (id INTEGER PRIMARY KEY, " + IntStream.rangeClosed(2, widest())
            .mapToObj(i -> "a" + i + " " + columnType()).collect(Collectors.joining(", ")) + ");\n\n"
        + "-- //@UNDO\nDROP TABLE profiles;\n");
    Files.writeString(migrations.resolve("scripts/20240102000000_index_profiles.sql"), """
        -- // an index on the wide table
        CREATE INDEX ix_profiles_a2 ON profiles (a2);

        -- //@UNDO
        %s
        """.formatted(dropIndex()));
    Files.writeString(migrations.resolve("scripts/20240103000000_blank_last_attribute.sql"), """
        -- // a lossy change of the last column
        UPDATE profiles SET a%d = NULL;

        -- //@UNDO
        UPDATE profiles SET a2 = a2;
        """.formatted(widest()));
    MigrationRepository repository = MigrationRepository.open(migrations, List.of(migrations.resolve("scripts")),
        environment());
    scratch = database().createScratch("wide_" + System.nanoTime());
    steps = new ScenarioSteps(database(), scratch, repository, project, project.resolve("fixtures"),
        project.resolve("backups"));
  }

  @AfterEach
  void dropScratch() {
    scratch.close();
  }

  @Test
  void aTableAsWideAsTheEngineAllowsRoundTripsAndItsDataIsCompared() {
    int last = widest();
    List<StepOutcome> outcomes = steps.runAll("""
        - apply: 20240101000000
        - sql: |
            INSERT INTO profiles (id, a2, a%1$d) VALUES (1, 'first', 'last');
            INSERT INTO profiles (id, a2) VALUES (2, 'second');
        - snapshot: seeded
        - roundtrip: {last: 2}
        - rollback: 20240101000000
        - expect:
            schema: {same_as: seeded}
        """.formatted(last));

    assertEquals(6, outcomes.size());
    StepOutcome roundtrip = outcomes.get(3);
    assertEquals("roundtrip 20240102000000_index_profiles.sql: passed", verdict(roundtrip, 0));
    // The last column's values are lost by the rollback; its sums come from the second fingerprint query.
    assertEquals("roundtrip 20240103000000_blank_last_attribute.sql: lossy rollback: profiles.a" + last,
        verdict(roundtrip, 1));
    assertTrue(outcomes.get(5).passed(), outcomes.get(5).toString());
  }

  @Test
  void everyColumnOfAWideTableHasItsOwnFingerprint() {
    steps.runAll("""
        - apply: 20240101000000
        - sql: "INSERT INTO profiles (id, a2, a%1$d) VALUES (1, 'first', 'last');"
        """.formatted(widest()));

    TableFingerprint fingerprint;
    try (Session session = steps.session()) {
      fingerprint = session.fingerprints(Set.of("CHANGELOG", "changelog")).get("profiles");
    }

    assertEquals(1, fingerprint.rows());
    assertEquals(widest(), fingerprint.columns().size());
    assertEquals(1, fingerprint.columns().get("a" + widest()).nonNull());
    assertEquals(0, fingerprint.columns().get("a" + (widest() - 1)).nonNull());
    assertTrue(!fingerprint.columns().get("a2").hash().equals(fingerprint.columns().get("a" + widest()).hash()));
  }

  private static String verdict(StepOutcome outcome, int index) {
    Check check = outcome.checks().get(index);
    return check.name() + ": " + check.actual();
  }
}
