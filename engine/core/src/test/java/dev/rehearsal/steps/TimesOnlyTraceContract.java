package dev.rehearsal.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.rehearsal.database.Database;
import dev.rehearsal.database.ScratchDatabase;
import dev.rehearsal.migrations.MigrationRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trace: true} on an engine without a lock probe (see the subclasses): every statement timed with its line,
 * and lock checks that say they cannot tell.
 */
abstract class TimesOnlyTraceContract {

  @TempDir
  Path project;

  private ScratchDatabase scratch;
  private ScenarioSteps steps;

  abstract Database database();

  abstract String environment();

  /** The undo's statement that drops index {@code orders_status} of {@code orders}. */
  abstract String dropIndex();

  @BeforeEach
  void writeRepository() throws IOException {
    Path migrations = project.resolve("migrations");
    Files.createDirectories(migrations.resolve("environments"));
    Files.createDirectories(migrations.resolve("scripts"));
    Files.createDirectories(project.resolve("fixtures"));
    Files.writeString(migrations.resolve("environments/" + environment() + ".properties"), "changelog=CHANGELOG\n");
    Files.writeString(migrations.resolve("scripts/20240101000000_orders.sql"), """
        -- // orders
        CREATE TABLE orders (id INTEGER PRIMARY KEY, status VARCHAR(10));

        CREATE INDEX orders_status ON orders (status);
        -- //@UNDO
        %s;
        DROP TABLE orders;
        """.formatted(dropIndex()));
    MigrationRepository repository = MigrationRepository.open(migrations, List.of(migrations.resolve("scripts")),
        environment());
    scratch = database().createScratch("trace_" + System.nanoTime());
    steps = new ScenarioSteps(database(), scratch, repository, project, project.resolve("fixtures"),
        project.resolve("backups"));
  }

  @AfterEach
  void dropScratch() {
    scratch.close();
  }

  @Test
  void timesEveryStatementUpAndDownAndSaysLockTracingIsPostgresqls() {
    steps.run("- apply: {to: head, trace: true}");
    StepTrace applied = steps.context().lastTrace().orElseThrow();
    List<StepOutcome> outcomes = steps.runAll("""
        - rollback: {to: base, trace: true}
        - expect: {locks: {orders: {at_most: ACCESS SHARE}}}
        """);
    assertEquals("up 2 CREATE TABLE orders (id INTEGER PRIMARY KEY, status VARCHAR(10)), "
        + "up 4 CREATE INDEX orders_status ON orders (status)", lines(applied));
    StepTrace trace = steps.context().lastTrace().orElseThrow();
    String note = "lock tracing is PostgreSQL's: on " + database().kind() + " only each statement's time is traced";
    assertFalse(trace.locks());
    assertEquals(note, trace.note());
    assertEquals("undo 6 " + dropIndex() + ", undo 7 DROP TABLE orders", lines(trace));
    assertEquals(note, outcomes.get(1).checks().get(0).actual());
    assertEquals(List.of(), Stream.of(applied, trace).flatMap(t -> t.scripts().stream())
        .flatMap(s -> s.statements().stream()).filter(st -> st.time() == null || st.time().isNegative() || st.time().isZero() || st.untraced() != null)
        .toList(), "every statement timed, none untraced");
  }

  private static String lines(StepTrace trace) {
    return trace.scripts().stream().flatMap(s -> s.statements().stream().map(st -> (s.undo() ? "undo " : "up ")
        + st.line() + " " + st.text())).collect(Collectors.joining(", "));
  }
}
