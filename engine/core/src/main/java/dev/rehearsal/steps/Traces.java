package dev.rehearsal.steps;

import dev.rehearsal.database.DatabaseException;
import dev.rehearsal.database.Session;
import dev.rehearsal.database.TableLookup;
import dev.rehearsal.migrations.Migrator;
import dev.rehearsal.migrations.ScriptTrace;
import dev.rehearsal.migrations.Tracer;
import dev.rehearsal.scenario.LockMode;
import dev.rehearsal.scenario.Step;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** {@code trace: true} on an apply or a rollback: the migrator traced, and the trace kept for what follows. */
final class Traces {

  private Traces() {}

  /**
   * Runs {@code work} with a migrator that traces when {@code trace} is set, and remembers the trace in the context
   * whether the work succeeds or fails.
   */
  static <T> T around(Step step, boolean trace, StepContext context, Migrator migrator, Function<Migrator, T> work) {
    if (!trace) {
      return work.apply(migrator);
    }
    Tracer tracer = new Tracer(context.repository(), context.database().lockProbe());
    try {
      return work.apply(migrator.tracing(tracer));
    } finally {
      context.traced(step, finish(tracer, context));
    }
  }

  /**
   * Runs {@code work} (a round-trip, which makes its migrators through the context) with every migrator of the
   * context tracing into one tracer when {@code trace} is set, and remembers the trace whether it succeeds or fails.
   */
  static <T> T throughContext(Step step, boolean trace, StepContext context, java.util.function.Supplier<T> work) {
    if (!trace) {
      return work.get();
    }
    Tracer tracer = new Tracer(context.repository(), context.database().lockProbe());
    context.traceOperations(tracer);
    try {
      return work.get();
    } finally {
      context.traceOperations(null);
      context.traced(step, finish(tracer, context));
    }
  }

  private static StepTrace finish(Tracer tracer, StepContext context) {
    String note = tracer.readsLocks() ? "" : "lock tracing is PostgreSQL's: on " + context.database().kind()
        + " only each statement's time is traced";
    return new StepTrace(tracer.scripts(), tracer.readsLocks(), tracer.readsLocks() ? rows(tracer, context)
        : Map.of(), note);
  }

  /** The rows of each table that took a lock stronger than ROW EXCLUSIVE, counted after the step. */
  private static Map<String, Long> rows(Tracer tracer, StepContext context) {
    Map<String, Long> rows = new TreeMap<>();
    try (Session session = context.session()) {
      for (ScriptTrace script : tracer.scripts()) {
        for (ScriptTrace.Hold hold : script.holds()) {
          if (hold.kind().equals("table") && hold.mode().strongerThan(LockMode.ROW_EXCLUSIVE)
              && !rows.containsKey(hold.relation())) {
            TableLookup found = session.table(hold.relation());
            found.relation().ifPresent(table -> rows.put(hold.relation(), session.rowCount(table)));
          }
        }
      }
    } catch (DatabaseException e) {
      // A step that broke the connection keeps its trace; the counts are what is lost.
      return rows;
    }
    return rows;
  }
}
