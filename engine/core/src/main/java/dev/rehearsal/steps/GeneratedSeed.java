package dev.rehearsal.steps;

import dev.rehearsal.database.Relation;
import dev.rehearsal.database.SeedDialect;
import dev.rehearsal.database.Session;
import dev.rehearsal.database.TableShape;
import dev.rehearsal.scenario.ColumnRule;
import dev.rehearsal.scenario.SeedStep;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * {@code seed: {generate: ...}}: one {@code INSERT ... SELECT} over the engine's row numbers, so the rows are made
 * inside the database. Every value is a function of the row number, the seed and the column (a hash of the three in
 * whole-number arithmetic both engines do alike), so the same seed gives the same rows, and no value comes from a
 * random generator whose state depends on the session.
 */
final class GeneratedSeed {

  /** 2^31 - 1: every intermediate of the hash stays below 2^63. */
  private static final long PRIME = 2147483647L;
  private static final long MULTIPLIER = 48271L;
  private static final LocalDate DEFAULT_FIRST = LocalDate.of(2020, 1, 1);
  private static final LocalDate DEFAULT_LAST = LocalDate.of(2025, 12, 31);

  private final SeedStep.Generate spec;
  private final Session session;
  private final SeedDialect dialect;
  private final List<String> hashes = new ArrayList<>();
  private final List<String> joins = new ArrayList<>();
  private final List<Object> parameters = new ArrayList<>();

  private GeneratedSeed(SeedStep.Generate spec, Session session, SeedDialect dialect) {
    this.spec = spec;
    this.session = session;
    this.dialect = dialect;
  }

  /** Generates the rows in one transaction and says how many. */
  static String run(SeedStep.Generate spec, StepContext context) {
    SeedDialect dialect = context.database().seedDialect();
    if (dialect == null) {
      throw new StepFailure("seed generate is not available on " + context.database().kind()
          + " — seed a fixture file there");
    }
    try (Session session = context.session()) {
      GeneratedSeed seed = new GeneratedSeed(spec, session, dialect);
      String sql = seed.statement();
      long[] written = {0};
      String doing = "cannot generate rows of " + spec.table();
      session.transaction(() -> {
        dialect.settings().forEach(setting -> session.write(setting, List.of(), doing));
        written[0] = session.write(sql, seed.parameters, doing);
      });
      return Words.count(written[0], "row") + " generated in " + spec.table() + " (seed " + spec.seed() + ")";
    }
  }

  private String statement() {
    var found = session.table(spec.table());
    if (found.relation().isEmpty()) {
      throw new StepFailure("cannot generate rows of " + spec.table() + ": " + found.missing());
    }
    Relation table = found.found();
    TableShape shape = session.shape(table);
    Set<String> named = new HashSet<>();
    for (ColumnRule rule : spec.columns()) {
      if (column(shape, rule.column()).isEmpty()) {
        throw new StepFailure(rule.position() + ": " + spec.table() + " has no column '" + rule.column()
            + "' — its columns are " + String.join(", ", shape.columns().stream().map(TableShape.Column::name)
                .toList()));
      }
      named.add(rule.column().toLowerCase(Locale.ROOT));
    }
    List<String> columns = new ArrayList<>();
    List<String> values = new ArrayList<>();
    Set<String> fromParents = new HashSet<>();
    for (TableShape.ForeignKey key : shape.foreignKeys()) {
      if (key.columns().stream().anyMatch(c -> named.contains(c.toLowerCase(Locale.ROOT)))) {
        continue;
      }
      String alias = fromParent(table, shape, key);
      key.columns().forEach(c -> fromParents.add(c.toLowerCase(Locale.ROOT)));
      if (alias == null) {
        continue;
      }
      for (int i = 0; i < key.columns().size(); i++) {
        columns.add(session.quote(key.columns().get(i)));
        values.add(alias + "." + session.quote(key.parentColumns().get(i)));
      }
    }
    for (TableShape.Column column : shape.columns()) {
      String lower = column.name().toLowerCase(Locale.ROOT);
      Optional<ColumnRule> rule = spec.columns().stream()
          .filter(r -> r.column().equalsIgnoreCase(column.name())).findFirst();
      String value;
      if (rule.isPresent()) {
        value = ruled(rule.get().values(), column);
      } else if (fromParents.contains(lower) || column.filled() || column.nullable()) {
        continue;
      } else {
        value = typed(table, column);
      }
      columns.add(session.quote(column.name()));
      values.add(value);
    }
    if (columns.isEmpty()) {
      throw new StepFailure("cannot generate rows of " + spec.table() + ": the database fills or leaves NULL every "
          + "column — name at least one under 'columns'");
    }
    parameters.add(spec.rows());
    return "INSERT INTO " + session.sqlName(table) + " (" + String.join(", ", columns) + ") SELECT "
        + String.join(", ", values) + " FROM (SELECT i" + hashes.stream().map(h -> ", " + h).reduce("", String::concat)
        + " FROM (" + dialect.rowNumbers() + ") numbers) h" + String.join("", joins);
  }

  /** A hash column {@code h.hN} of the row number, the seed and {@code salt}, from 0 to 2^31 - 2. */
  private String hash() {
    int salt = hashes.size() + 1;
    long offset = Math.floorMod(spec.seed() * 1_000_003L + salt * 7919L, PRIME);
    String mixed = "((i + " + offset + ") % " + PRIME + " * " + MULTIPLIER + " % " + PRIME + ")";
    hashes.add("(" + mixed + " * " + mixed + " % " + PRIME + " * " + MULTIPLIER + " + i) % " + PRIME + " AS h"
        + salt);
    return "h.h" + salt;
  }

  /** Joins the parent's rows, numbered in key order; null when there are none and the columns may stay NULL. */
  private String fromParent(Relation table, TableShape shape, TableShape.ForeignKey key) {
    long count = session.rowCount(key.parent());
    if (count == 0) {
      boolean nullable = key.columns().stream().allMatch(c -> column(shape, c).map(TableShape.Column::nullable)
          .orElse(true));
      if (nullable) {
        return null;
      }
      throw new StepFailure("cannot generate rows of " + spec.table() + ": " + String.join(", ", key.columns())
          + " references " + key.parent().name() + ", which has no rows — seed " + key.parent().name() + " first");
    }
    String alias = "p" + (joins.size() + 1);
    String parentColumns = String.join(", ", key.parentColumns().stream().map(session::quote).toList());
    joins.add(" JOIN (SELECT " + parentColumns + ", row_number() OVER (ORDER BY " + parentColumns + ") - 1 AS n FROM "
        + session.sqlName(key.parent()) + ") " + alias + " ON " + alias + ".n = " + hash() + " % " + count);
    return alias;
  }

  private String ruled(ColumnRule.Values rule, TableShape.Column column) {
    if (rule instanceof ColumnRule.Range range) {
      long span = range.high() - range.low() + 1;
      return "(" + range.low() + " + " + hash() + " % " + (span <= 0 ? PRIME : span) + ")";
    }
    if (rule instanceof ColumnRule.OneOf oneOf) {
      StringBuilder choice = new StringBuilder("CASE " + hash() + " % " + oneOf.values().size());
      for (int i = 0; i < oneOf.values().size(); i++) {
        choice.append(" WHEN ").append(i).append(" THEN ?");
        parameters.add(oneOf.values().get(i));
      }
      return dialect.cast(choice.append(" END").toString(), column.type());
    }
    if (rule instanceof ColumnRule.Text text) {
      return text(text.length());
    }
    ColumnRule.Dates dates = (ColumnRule.Dates) rule;
    return days(dates.first(), dates.last(), column);
  }

  /** Text of exactly {@code length} characters: the row's hash and number, then letters fixed by the seed. */
  private String text(int length) {
    Random letters = new Random(spec.seed());
    StringBuilder pad = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      pad.append((char) ('a' + letters.nextInt(26)));
    }
    parameters.add(pad.toString());
    return "substr(" + dialect.concat(dialect.text(hash()), "'-'", dialect.text("i"), "?") + ", 1, " + length + ")";
  }

  private String days(LocalDate first, LocalDate last, TableShape.Column column) {
    long span = ChronoUnit.DAYS.between(first, last) + 1;
    parameters.add(first.toString());
    return dialect.cast(dialect.daysAfter(hash() + " % " + span), column.type());
  }

  /** A value of the column's type for a NOT NULL column nobody named and the database does not fill. */
  private String typed(Relation table, TableShape.Column column) {
    String type = column.type().toLowerCase(Locale.ROOT);
    if (type.contains("int") || type.contains("serial")) {
      // Numbered after the rows already there, so a key nobody named stays unique.
      return "(" + session.largest(table, column.name()) + " + i)";
    }
    if (type.contains("bool")) {
      return "(" + hash() + " % 2 = 0)";
    }
    if (type.contains("date") || type.contains("time")) {
      return days(DEFAULT_FIRST, DEFAULT_LAST, column);
    }
    if (type.contains("num") || type.contains("dec") || type.contains("real") || type.contains("doub")
        || type.contains("float") || type.contains("money")) {
      return dialect.cast("(" + hash() + " % 100000) / 100.0", column.type());
    }
    if (type.isEmpty() || type.contains("char") || type.contains("text") || type.contains("clob")
        || type.contains("string")) {
      parameters.add(column.name() + "-");
      return dialect.concat("?", dialect.text("i"));
    }
    throw new StepFailure("cannot generate rows of " + spec.table() + ": " + column.name() + " (" + column.type()
        + ") is NOT NULL, has no default, and Rehearsal makes up no " + column.type() + " — name it under 'columns'");
  }

  private static Optional<TableShape.Column> column(TableShape shape, String name) {
    return shape.columns().stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
  }
}
