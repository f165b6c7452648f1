package dev.rehearsal.steps;

import dev.rehearsal.database.Session;
import dev.rehearsal.database.TableLookup;
import dev.rehearsal.migrations.Migration;
import dev.rehearsal.migrations.Migrator;
import dev.rehearsal.migrations.Outcome;
import dev.rehearsal.scenario.ExpectStep;
import dev.rehearsal.scenario.Expectation;
import dev.rehearsal.scenario.Target;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** {@code expect}: one check per expectation, all evaluated even when an earlier one fails. */
final class ExpectRunner implements StepRunner<ExpectStep> {

  @Override
  public String keyword() {
    return ExpectStep.KEYWORD;
  }

  @Override
  public Class<ExpectStep> stepType() {
    return ExpectStep.class;
  }

  @Override
  public StepOutcome run(ExpectStep step, StepContext context) {
    List<Check> checks = new ArrayList<>();
    try (Session session = context.session()) {
      SchemaChecks schema = new SchemaChecks(context, session);
      for (Expectation expectation : step.expectations()) {
        checks.add(check(expectation, context, session, schema));
      }
    }
    long failed = checks.stream().filter(c -> !c.passed()).count();
    String detail = failed == 0 ? Words.count(checks.size(), "check") + " passed"
        : failed + " of " + Words.count(checks.size(), "check") + " failed";
    return new StepOutcome(checks, detail);
  }

  private static Check check(Expectation expectation, StepContext context, Session session, SchemaChecks schema) {
    String name = expectation.describe();
    if (expectation instanceof Expectation.Schema expected) {
      return schema.schema(expected);
    }
    if (expectation instanceof Expectation.Data expected) {
      return schema.data(expected);
    }
    if (expectation instanceof Expectation.Constraint expected) {
      return schema.constraint(expected);
    }
    if (expectation instanceof Expectation.Index expected) {
      return schema.index(expected);
    }
    if (expectation instanceof Expectation.Locks locks) {
      return new TraceChecks(context, session).locks(locks);
    }
    if (expectation instanceof Expectation.Rewrite rewrite) {
      return new TraceChecks(context, session).rewrite(rewrite);
    }
    if (expectation instanceof Expectation.Version version) {
      Migrator migrator = context.migrator();
      BigDecimal expected = resolve(version.version(), context);
      BigDecimal actual = migrator.version();
      return Check.comparing(name, Outcome.show(expected), Outcome.show(actual));
    }
    if (expectation instanceof Expectation.Pending pending) {
      List<Migration> actual = context.migrator().pending();
      String diff = actual.isEmpty() ? "" : "pending: " + String.join(", ", actual.stream().map(Migration::fileName)
          .toList());
      return new Check(name, actual.size() == pending.count(), String.valueOf(pending.count()),
          String.valueOf(actual.size()), actual.size() == pending.count() ? "" : diff);
    }
    if (expectation instanceof Expectation.RowCount rows) {
      TableLookup table = session.table(rows.table());
      if (table.relation().isEmpty()) {
        return Check.failed(name, Words.count(rows.count(), "row"), table.missing(), "");
      }
      long actual = session.rowCount(table.found());
      return Check.comparing(name, Words.count(rows.count(), "row"), Words.count(actual, "row"));
    }
    if (expectation instanceof Expectation.Table table) {
      return table(table, session);
    }
    if (expectation instanceof Expectation.Columns columns) {
      return columns(columns, session);
    }
    return query((Expectation.Query) expectation, session);
  }

  private static BigDecimal resolve(Target target, StepContext context) {
    if (target instanceof Target.Id id) {
      return id.id();
    }
    if (target instanceof Target.Head) {
      List<Migration> all = context.repository().migrations();
      return all.isEmpty() ? null : all.get(all.size() - 1).id();
    }
    return null;
  }

  /**
   * A table is absent when its schema exists and holds no such table. A schema that does not exist fails the check
   * either way: a misspelt schema must not pass as "absent".
   */
  private static Check table(Expectation.Table table, Session session) {
    String name = table.describe();
    TableLookup found = session.table(table.table());
    String expected = table.present() ? "present" : "absent";
    if (found.schemaMissing()) {
      return Check.failed(name, expected, found.missing(), "the schema must exist for 'tables' to tell whether "
          + table.table() + " is there — check its spelling, or query information_schema.schemata to check that a "
          + "schema is gone");
    }
    boolean exists = found.relation().isPresent();
    boolean passed = exists == table.present();
    // Where the table is elsewhere (another schema), say so: the name is what is wrong.
    String hint = passed || exists || found.missing().equals("no table " + table.table()) ? "" : found.missing();
    return new Check(name, passed, expected, exists ? "present" : "absent", hint);
  }

  private static Check columns(Expectation.Columns columns, Session session) {
    String name = columns.describe();
    TableLookup table = session.table(columns.table());
    if (table.relation().isEmpty()) {
      return Check.failed(name, "table " + columns.table() + " with columns", table.missing(), "");
    }
    TreeSet<String> actual = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    actual.addAll(session.columns(table.found()));
    List<String> missing = new ArrayList<>();
    List<String> unexpected = new ArrayList<>();
    String expected;
    if (columns.exactly() != null) {
      TreeSet<String> wanted = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
      wanted.addAll(columns.exactly());
      wanted.stream().filter(c -> !actual.contains(c)).forEach(missing::add);
      actual.stream().filter(c -> !wanted.contains(c)).forEach(unexpected::add);
      expected = String.join(", ", wanted);
    } else {
      columns.present().stream().filter(c -> !actual.contains(c)).forEach(missing::add);
      columns.absent().stream().filter(actual::contains).forEach(unexpected::add);
      List<String> parts = new ArrayList<>();
      if (!columns.present().isEmpty()) {
        parts.add("has " + String.join(", ", columns.present()));
      }
      if (!columns.absent().isEmpty()) {
        parts.add("lacks " + String.join(", ", columns.absent()));
      }
      expected = String.join("; ", parts);
    }
    List<String> diff = new ArrayList<>();
    missing.forEach(c -> diff.add("- " + columns.table() + "." + c + " (expected, missing)"));
    unexpected.forEach(c -> diff.add("+ " + columns.table() + "." + c + " (present, not expected)"));
    return new Check(name, diff.isEmpty(), expected, String.join(", ", actual), String.join("\n", diff));
  }

  private static Check query(Expectation.Query query, Session session) {
    String name = query.describe();
    List<List<Object>> actual = session.query(query.sql());
    if (query.scalar()) {
      Object wanted = query.rows().get(0).get(0);
      if (actual.size() != 1 || actual.get(0).size() != 1) {
        return Check.failed(name, Values.show(wanted), Values.showRows(actual),
            "the query must return exactly one row with one column for 'equals'; it returned " + actual.size()
                + (actual.size() == 1 ? " row" : " rows")
                + (actual.isEmpty() ? "" : " of " + actual.get(0).size() + " columns"));
      }
      Object got = actual.get(0).get(0);
      return new Check(name, Values.same(wanted, got), Values.show(wanted), Values.show(got), "");
    }
    boolean same = Values.sameRows(query.rows(), actual);
    return new Check(name, same, Values.showRows(query.rows()), Values.showRows(actual),
        same ? "" : rowDiff(query.rows(), actual));
  }

  private static String rowDiff(List<List<Object>> expected, List<List<Object>> actual) {
    List<String> lines = new ArrayList<>();
    int rows = Math.max(expected.size(), actual.size());
    for (int i = 0; i < rows; i++) {
      List<Object> want = i < expected.size() ? expected.get(i) : null;
      List<Object> got = i < actual.size() ? actual.get(i) : null;
      if (want != null && got != null && Values.sameRows(List.of(want), List.of(got))) {
        lines.add("  " + Values.showRow(want));
        continue;
      }
      if (want != null) {
        lines.add("- " + Values.showRow(want));
      }
      if (got != null) {
        lines.add("+ " + Values.showRow(got));
      }
    }
    return "row by row (- expected, + actual):\n" + String.join("\n", lines);
  }
}
