package dev.rehearsal.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rehearsal.database.ScratchDatabase;
import dev.rehearsal.database.postgres.PostgresDatabase;
import dev.rehearsal.migrations.MigrationFailedException;
import dev.rehearsal.migrations.MigrationRepository;
import dev.rehearsal.migrations.ScriptTrace;
import dev.rehearsal.testing.PostgresServer;
import dev.rehearsal.testing.RequiresPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trace: true} on PostgreSQL: each statement's locks read from pg_locks of the script's own backend inside
 * its transaction, rewrites from relfilenode, on the up and on the rollback alike.
 */
@RequiresPostgres
class PostgresTraceTest {

  @TempDir
  Path project;

  private final PostgresDatabase postgres = new PostgresDatabase("postgres", PostgresServer.url(), "5min", "30s");
  private ScratchDatabase scratch;
  private ScenarioSteps steps;

  @BeforeEach
  void writeRepository() throws IOException {
    Path migrations = project.resolve("migrations");
    Files.createDirectories(migrations.resolve("environments"));
    Files.createDirectories(migrations.resolve("scripts"));
    Files.createDirectories(project.resolve("fixtures"));
    Files.writeString(migrations.resolve("environments/postgres.properties"), "changelog=CHANGELOG\n");
    script(migrations, "20240101000000_tables.sql", """
        -- // tables
        CREATE TABLE customers (id bigint PRIMARY KEY);
        CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL, status text NOT NULL);
        -- //@UNDO
        DROP TABLE orders;
        DROP TABLE customers;
        """);
    script(migrations, "20240102000000_volatile_default.sql", """
        -- // a NOT NULL column with a volatile default: every row gets its own value, so the table is rewritten
        ALTER TABLE orders
          ADD COLUMN touched_at timestamptz NOT NULL DEFAULT clock_timestamp();

        -- //@UNDO
        ALTER TABLE orders DROP COLUMN touched_at;
        """);
    script(migrations, "20240103000000_foreign_key_not_valid.sql", """
        -- // a foreign key added NOT VALID, then validated
        ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id)
          REFERENCES customers (id) NOT VALID;
        ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;
        -- //@UNDO
        ALTER TABLE orders DROP CONSTRAINT orders_customer_fk;
        """);
    script(migrations, "20240104000000_index_concurrently.sql", """
        -- // an index built CONCURRENTLY, which cannot run in MyBatis's transaction
        CREATE INDEX CONCURRENTLY orders_status ON orders (status);
        -- //@UNDO
        DROP INDEX orders_status;
        """);
    MigrationRepository repository = MigrationRepository.open(migrations, List.of(migrations.resolve("scripts")),
        "postgres");
    scratch = postgres.createScratch("trace_" + System.nanoTime());
    steps = new ScenarioSteps(postgres, scratch, repository, project, project.resolve("fixtures"),
        project.resolve("backups"));
  }

  private static void script(Path migrations, String name, String text) throws IOException {
    Files.writeString(migrations.resolve("scripts").resolve(name), text);
  }

  @AfterEach
  void dropScratch() {
    scratch.close();
  }

  /** One line per statement: index, line, what it took, what it rewrote. */
  private String statements() {
    return steps.context().lastTrace().orElseThrow().scripts().stream()
        .flatMap(script -> script.statements().stream().map(s -> script.script() + (script.undo() ? " undo" : "")
            + " #" + s.index() + " line " + s.line() + ": " + s.took().stream()
                .map(l -> l.mode().shown() + " " + l.relation()).collect(Collectors.joining(", "))
            + (s.rewrote().isEmpty() ? "" : "; rewrote " + String.join(", ", s.rewrote()))
            + (s.untraced() == null ? "" : "; untraced: " + s.untraced())))
        .collect(Collectors.joining("\n"));
  }

  @Test
  void tracesLocksAndRewritesOfEachStatementUpAndDown() {
    steps.runAll("""
        - apply: 20240101000000
        - seed: {rows: {customers: [{id: 1}], orders: [{id: 1, customer_id: 1, status: paid}]}}
        - apply: {to: 20240103000000, trace: true}
        """);
    assertEquals("""
        20240102000000_volatile_default.sql #1 line 2: ACCESS EXCLUSIVE public.orders, ACCESS EXCLUSIVE \
        public.orders_pkey; rewrote public.orders, public.orders_pkey
        20240103000000_foreign_key_not_valid.sql #1 line 2: SHARE ROW EXCLUSIVE public.customers, SHARE ROW \
        EXCLUSIVE public.orders, ACCESS SHARE public.customers_pkey
        20240103000000_foreign_key_not_valid.sql #2 line 4: ACCESS SHARE public.orders_pkey""", statements());

    // VALIDATE needs only SHARE UPDATE EXCLUSIVE, but in the same script the SHARE ROW EXCLUSIVE of the NOT VALID
    // statement is held to the commit: it adds nothing stronger on orders.
    List<ScriptTrace.Hold> holds = steps.context().lastTrace().orElseThrow().scripts().get(0).holds();
    assertEquals("public.orders ACCESS EXCLUSIVE rewritten", holds.get(0).relation() + " "
        + holds.get(0).mode().shown() + (holds.get(0).rewritten() ? " rewritten" : ""));

    steps.run("- rollback: {to: 20240101000000, trace: true}");
    assertEquals("""
        20240103000000_foreign_key_not_valid.sql undo #1 line 6: ACCESS EXCLUSIVE public.customers, \
        ACCESS EXCLUSIVE public.orders
        20240102000000_volatile_default.sql undo #1 line 6: ACCESS EXCLUSIVE public.orders""", statements());
  }

  @Test
  void lockAndRewriteChecksNameTheScriptTheLineTheStatementAndTheTime() {
    List<StepOutcome> outcomes = steps.runAll("""
        - apply: 20240101000000
        - seed: {rows: {customers: [{id: 1}], orders: [{id: 1, customer_id: 1, status: paid}]}}
        - apply: {to: 20240102000000, trace: true}
        - expect:
            locks: {orders: {at_most: SHARE UPDATE EXCLUSIVE}, customers: {at_most: access share}}
            rewrites: {absent: [orders, customers]}
        """);
    List<Check> checks = outcomes.get(3).checks();
    String where = "20240102000000_volatile_default.sql line 2, statement 1 'ALTER TABLE orders'";
    assertEquals("locks orders at most SHARE UPDATE EXCLUSIVE: failed, ACCESS EXCLUSIVE; " + where
        + "\ntook ACCESS EXCLUSIVE on public.orders (statement #s, ACCESS EXCLUSIVE held #s until commit)",
        shown(checks.get(0)));
    assertEquals("locks customers at most ACCESS SHARE: passed, no lock; ", shown(checks.get(1)));
    assertEquals("rewrite of orders absent: failed, rewritten; " + where + "\nrewrote public.orders (statement #s, "
        + "ACCESS EXCLUSIVE held #s until commit)", shown(checks.get(2)));
    assertEquals("rewrite of customers absent: passed, not rewritten; ", shown(checks.get(3)));
  }

  @Test
  void checksWithoutATracedStepSaySo() {
    StepOutcome outcome = steps.run("""
        - apply: 20240101000000
        - expect: {rewrites: {absent: [orders]}}
        """);
    assertEquals("rewrite of orders absent: failed, no traced step ran before this check — add 'trace: true' to "
        + "the apply or rollback it checks; ", shown(outcome.checks().get(0)));
  }

  /** A check as one line, its times replaced by #. */
  private static String shown(Check check) {
    return (check.name() + ": " + (check.passed() ? "passed" : "failed") + ", " + check.actual() + "; "
        + check.diff()).replaceAll("\\d+\\.\\d\\d s", "#s");
  }

  @Test
  void aTracedRoundtripTracesEveryUpAndDown() {
    steps.runAll("""
        - apply: 20240101000000
        - seed: {rows: {customers: [{id: 1}], orders: [{id: 1, customer_id: 1, status: paid}]}}
        - roundtrip: {from: 20240102000000, to: 20240103000000, trace: true}
        """);
    assertEquals(List.of("20240102000000 up", "20240102000000 down", "20240102000000 up", "20240103000000 up",
        "20240103000000 down", "20240103000000 up"), steps.context().lastTrace().orElseThrow().scripts().stream()
            .map(s -> s.id().toPlainString() + (s.undo() ? " down" : " up")).toList());
  }

  @Test
  void aStatementThatCannotRunInATransactionIsReportedUntracedWithWhy() {
    steps.run("- apply: 20240103000000");
    assertThrows(MigrationFailedException.class, () -> steps.run("- apply: {to: head, trace: true}"));
    assertEquals("20240104000000_index_concurrently.sql #1 line 2: ; untraced: CREATE INDEX... cannot run inside a "
        + "transaction block, and MyBatis runs every script in one (autoCommit=false): PostgreSQL refuses it, "
        + "traced or not", statements());
  }
}
