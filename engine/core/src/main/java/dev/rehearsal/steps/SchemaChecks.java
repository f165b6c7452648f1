package dev.rehearsal.steps;

import dev.rehearsal.database.SchemaFact;
import dev.rehearsal.database.Session;
import dev.rehearsal.io.AtomicFile;
import dev.rehearsal.io.BoundedFile;
import dev.rehearsal.scenario.Expectation;
import dev.rehearsal.schema.DataDiff;
import dev.rehearsal.schema.DataSnapshot;
import dev.rehearsal.schema.SchemaDiff;
import dev.rehearsal.schema.SchemaSnapshot;
import dev.rehearsal.schema.Snapshot;
import dev.rehearsal.schema.Snapshots;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The expectations about schema and data: {@code schema}, {@code data}, {@code constraints}, {@code indexes}. */
final class SchemaChecks {

  private final StepContext context;
  private final Session session;
  private SchemaSnapshot current;

  SchemaChecks(StepContext context, Session session) {
    this.context = context;
    this.session = session;
  }

  /** A golden file is a schema as text, one fact a line: far below this even for thousands of tables. */
  private static final int GOLDEN_MAX_BYTES = 64 * 1024 * 1024;

  private SchemaSnapshot current() {
    if (current == null) {
      current = Snapshots.schema(session, context.repository().changelogTable());
    }
    return current;
  }

  Check schema(Expectation.Schema expectation) {
    if (expectation.sameAs() != null) {
      Snapshot snapshot = snapshot(expectation.sameAs());
      SchemaDiff diff = SchemaDiff.between(snapshot.schema(), current(), "at snapshot " + snapshot.label(), "now");
      return new Check(expectation.describe(), diff.isEmpty(), "the schema of snapshot " + snapshot.label() + " ("
          + snapshot.schema().facts().size() + " facts)", diff.isEmpty() ? "the same" : differences(diff.changes()),
          diff.render());
    }
    String shown = expectation.matches().replace("{database}", context.database().name());
    Path file = context.settings().projectRoot().resolve(shown).normalize();
    if (!context.settings().allowOutsideProject()
        && !dev.rehearsal.config.PathSafety.inside(context.settings().projectRoot(), file)) {
      throw new StepFailure("golden file " + shown + " leads outside the project root (a link on its way leads out, "
          + "or nowhere) — keep golden files in the repository (or allow it with --allow-outside-project)");
    }
    if (context.settings().updateSnapshots()) {
      write(file, shown);
      return Check.passed(expectation.describe(), "the schema in " + shown, Check.WRITTEN + shown);
    }
    if (!Files.isRegularFile(file)) {
      return Check.failed(expectation.describe(), "the schema in " + shown, "no such file",
          "run '" + update() + "' to write " + shown + " from the current schema, then review it");
    }
    SchemaSnapshot golden;
    try {
      golden = SchemaSnapshot.parse(new String(BoundedFile.read(file, GOLDEN_MAX_BYTES), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new StepFailure("cannot read " + shown + ": " + e.getMessage(), e);
    }
    SchemaDiff diff = SchemaDiff.between(golden, SchemaSnapshot.parse(current().text()), "in " + shown, "now");
    return new Check(expectation.describe(), diff.isEmpty(), "the schema in " + shown + " (" + golden.facts().size()
        + " facts)", diff.isEmpty() ? "the same" : differences(diff.changes()), diff.render()
        + (diff.isEmpty() ? "" : "\n\nIf the change is intended, run '" + update() + "' and commit " + shown
            + "."));
  }

  /** The command that writes the golden file, with the database of this run, which names the file. */
  private String update() {
    return "rehearse run --update-snapshots --database " + context.database().name();
  }

  private void write(Path file, String shown) {
    String header = "# Schema of " + context.database().kind() + " as Rehearsal sees it, one fact per line, sorted.\n"
        + "# Written by 'rehearse run --update-snapshots'; review changes to it like code.\n";
    try {
      AtomicFile.writeString(file, header + current().text());
    } catch (IOException e) {
      throw new StepFailure("cannot write " + shown + ": " + e.getMessage(), e);
    }
  }

  Check data(Expectation.Data expectation) {
    Snapshot snapshot = snapshot(expectation.sameAs());
    DataSnapshot now = Snapshots.data(session, context.repository().changelogTable(),
        List.copyOf(snapshot.data().values().keySet()));
    DataDiff diff = DataDiff.between(snapshot.data(), now, expectation.tables(), "at snapshot " + snapshot.label(),
        "now");
    String scope = expectation.tables().isEmpty() ? snapshot.data().tables().size() + " tables"
        : String.join(", ", expectation.tables());
    return new Check(expectation.describe(), diff.isEmpty(), "the data of snapshot " + snapshot.label() + " (" + scope
        + ")", diff.isEmpty() ? "the same" : differences(diff.changes()), diff.render());
  }

  Check constraint(Expectation.Constraint expectation) {
    String target = expectation.target();
    String name = expectation.describe();
    List<SchemaFact> facts = current().facts();
    switch (expectation.kind()) {
      case "not_null" -> {
        Optional<SchemaFact> column = find(facts, "column", target);
        return column.map(c -> Check.comparing(name, "NOT NULL", c.properties().getOrDefault("null", "?")))
            .orElseGet(() -> Check.failed(name, "NOT NULL", "no column " + target, ""));
      }
      case "primary_key" -> {
        String table = target.substring(0, target.indexOf('('));
        String columns = target.substring(target.indexOf('('));
        Optional<SchemaFact> key = find(facts, "primary key", table);
        return key.map(k -> new Check(name, same(k.properties().get("columns"), columns), columns,
            k.properties().get("columns"), "")).orElseGet(() -> Check.failed(name, columns, "no primary key on "
                + table, ""));
      }
      case "unique" -> {
        String table = target.substring(0, target.indexOf('('));
        String columns = target.substring(target.indexOf('('));
        boolean found = facts.stream().anyMatch(f -> f.kind().equals("unique") && same(f.object(), table + " "
            + columns)) || facts.stream().anyMatch(f -> f.kind().equals("index")
            && f.object().toLowerCase(Locale.ROOT).endsWith(" on " + table.toLowerCase(Locale.ROOT))
            && "unique".equals(f.properties().get("unique")) && same(f.properties().get("columns"), columns));
        return new Check(name, found, "unique " + target, found ? "present" : "absent", found ? ""
            : "unique constraints and indexes on " + table + ":\n" + listing(facts, table, "unique", "index"));
      }
      case "foreign_key" -> {
        boolean found = find(facts, "foreign key", target).isPresent();
        String table = target.substring(0, target.indexOf('('));
        return new Check(name, found, target, found ? "present" : "absent", found ? ""
            : "foreign keys of " + table + ":\n" + listing(facts, table, "foreign key"));
      }
      default -> {
        boolean found = find(facts, "check", target).isPresent();
        String table = target.substring(0, target.indexOf('.'));
        return new Check(name, found, "check " + target, found ? "present" : "absent", found ? ""
            : "checks of " + table + ":\n" + listing(facts, table, "check"));
      }
    }
  }

  Check index(Expectation.Index expectation) {
    List<SchemaFact> indexes = current().facts().stream().filter(f -> f.kind().equals("index")).toList();
    Optional<SchemaFact> match = indexes.stream().filter(f -> {
      String object = f.object().toLowerCase(Locale.ROOT);
      if (expectation.name() != null) {
        return object.startsWith(expectation.name().toLowerCase(Locale.ROOT) + " on ");
      }
      return object.endsWith(" on " + expectation.table().toLowerCase(Locale.ROOT))
          && same(f.properties().get("columns"), "(" + String.join(", ", expectation.columns()) + ")");
    }).findFirst();
    String name = expectation.describe();
    if (match.isEmpty()) {
      return Check.failed(name, "present", "absent", "indexes:\n" + (indexes.isEmpty() ? "  (none)"
          : String.join("\n", indexes.stream().map(f -> "  " + f.line()).toList())));
    }
    SchemaFact index = match.get();
    List<String> wrong = new ArrayList<>();
    if (expectation.table() != null
        && !index.object().toLowerCase(Locale.ROOT).endsWith(" on " + expectation.table().toLowerCase(Locale.ROOT))) {
      wrong.add("on another table: " + index.object());
    }
    if (expectation.columns() != null
        && !same(index.properties().get("columns"), "(" + String.join(", ", expectation.columns()) + ")")) {
      wrong.add("columns " + index.properties().get("columns"));
    }
    if (expectation.unique() != null
        && expectation.unique() != "unique".equals(index.properties().get("unique"))) {
      wrong.add(index.properties().get("unique"));
    }
    if (expectation.method() != null && !expectation.method().equalsIgnoreCase(index.properties().get("method"))) {
      wrong.add("method " + index.properties().get("method"));
    }
    return new Check(name, wrong.isEmpty(), name, wrong.isEmpty() ? index.line() : String.join(", ", wrong),
        wrong.isEmpty() ? "" : index.line());
  }

  private Snapshot snapshot(String label) {
    return context.snapshot(label).orElseThrow(() -> new StepFailure("snapshot '" + label
        + "' was not taken: the step that takes it did not run"));
  }

  private static Optional<SchemaFact> find(List<SchemaFact> facts, String kind, String object) {
    return facts.stream().filter(f -> f.kind().equals(kind) && same(f.object(), object)).findFirst();
  }

  private static String listing(List<SchemaFact> facts, String table, String... kinds) {
    List<String> lines = facts.stream()
        .filter(f -> List.of(kinds).contains(f.kind()))
        .filter(f -> f.object().toLowerCase(Locale.ROOT).startsWith(table.toLowerCase(Locale.ROOT))
            || f.object().toLowerCase(Locale.ROOT).endsWith(" on " + table.toLowerCase(Locale.ROOT)))
        .map(f -> "  " + f.line()).toList();
    return lines.isEmpty() ? "  (none)" : String.join("\n", lines);
  }

  /** Equal ignoring case, spaces and double quotes, as identifiers are written in different catalogs. */
  static boolean same(String a, String b) {
    return a != null && b != null && canonical(a).equals(canonical(b));
  }

  private static String canonical(String text) {
    return text.replace("\"", "").replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
  }

  private static String differences(List<String> changes) {
    return changes.size() + (changes.size() == 1 ? " difference" : " differences");
  }
}
