package dev.rehearsal.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.rehearsal.database.ScratchDatabase;
import dev.rehearsal.database.sqlite.SqliteDatabase;
import dev.rehearsal.migrations.MigrationRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trace: true} on SQLite: every statement timed with its line, and lock checks that say they cannot tell. */
class SqliteTraceTest {

  @TempDir
  Path project;

  private final SqliteDatabase sqlite = new SqliteDatabase("sqlite");
  private ScratchDatabase scratch;
  private ScenarioSteps steps;

  @BeforeEach
  void writeRepository() throws IOException {
    Path migrations = project.resolve("migrations");
    Files.createDirectories(migrations.resolve("environments"));
    Files.createDirectories(migrations.resolve("scripts"));
    Files.createDirectories(project.resolve("fixtures"));
    Files.writeString(migrations.resolve("environments/sqlite.properties"), "changelog=CHANGELOG\n");
    Files.writeString(migrations.resolve("scripts/20240101000000_orders.sql"), """
        -- // orders
        CREATE TABLE orders (id INTEGER PRIMARY KEY, status TEXT NOT NULL);

        CREATE INDEX orders_status ON orders (status);
        -- //@UNDO
        DROP INDEX orders_status;
        DROP TABLE orders;
        """);
    MigrationRepository repository = MigrationRepository.open(migrations, List.of(migrations.resolve("scripts")),
        "sqlite");
    scratch = sqlite.createScratch("trace_" + System.nanoTime());
    steps = new ScenarioSteps(sqlite, scratch, repository, project, project.resolve("fixtures"),
        project.resolve("backups"));
  }

  @AfterEach
  void dropScratch() {
    scratch.close();
  }

  @Test
  void timesEveryStatementUpAndDownAndSaysLockTracingIsPostgresqls() {
    List<StepOutcome> outcomes = steps.runAll("""
        - apply: {to: head, trace: true}
        - rollback: {to: base, trace: true}
        - expect: {locks: {orders: {at_most: ACCESS SHARE}}}
        """);
    StepTrace trace = steps.context().lastTrace().orElseThrow();
    assertFalse(trace.locks());
    assertEquals("lock tracing is PostgreSQL's: on sqlite only each statement's time is traced", trace.note());
    assertEquals("undo 6 DROP INDEX orders_status, undo 7 DROP TABLE orders", trace.scripts().stream()
        .flatMap(s -> s.statements().stream().map(st -> (s.undo() ? "undo " : "up ") + st.line() + " "
            + st.text())).collect(Collectors.joining(", ")));
    assertEquals("lock tracing is PostgreSQL's: on sqlite only each statement's time is traced",
        outcomes.get(2).checks().get(0).actual());
  }
}
