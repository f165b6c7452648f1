package dev.rehearsal.migrations;

import dev.rehearsal.migrations.ScriptFinding.Kind;
import dev.rehearsal.migrations.SchemaObjects.SchemaObject;
import dev.rehearsal.migrations.ScriptStatements.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.ibatis.migration.options.DatabaseOperationOption;

/**
 * Static checks of migration scripts: what MyBatis would run differently from how the script reads, and undo
 * sections that cannot give back what the up section did. The up and undo sections are the ones MyBatis itself
 * splits, with the environment's {@code ${variables}} replaced, so a check sees what a database would run.
 */
public final class ScriptChecks {

  /** A line that mentions {@code @UNDO} within its comment prefix, such as {@code -- @UNDO} or {@code --@undo}. */
  private static final Pattern UNDO_MENTION = Pattern.compile("^[\\s/*#-]*@undo\\b.*", Pattern.CASE_INSENSITIVE);

  private ScriptChecks() {}

  /** The findings of every script of the repository, in migration order, then by line. */
  public static List<ScriptFinding> check(MigrationRepository repository) {
    List<ScriptFinding> findings = new ArrayList<>();
    repository.migrations().forEach(m -> findings.addAll(check(repository, m)));
    return findings;
  }

  /** The findings of one script, by line. */
  public static List<ScriptFinding> check(MigrationRepository repository, Migration migration) {
    ScriptText text = ScriptText.read(repository, migration);
    List<ScriptFinding> findings = new ArrayList<>(nearMisses(migration, text));
    DatabaseOperationOption options = repository.options();
    ScriptStatements statements = new ScriptStatements(migration, options.getDelimiter(),
        options.isFullLineDelimiter(), !options.isSendFullScript());
    List<Statement> up = statements.split(text.up());
    List<Statement> undo = statements.split(text.undo());
    findings.addAll(statements.findings());
    if (hasStatements(repository.section(migration, false))) {
      if (text.marker() == 0) {
        findings.add(new ScriptFinding(migration, Math.max(1, text.lines().size()), Kind.MISSING_UNDO,
            "no undo section: a rollback would only delete the changelog row — add a '-- //@UNDO' line and, "
                + "below it, the statements that reverse the up section"));
      } else if (!hasStatements(repository.section(migration, true))) {
        findings.add(new ScriptFinding(migration, text.marker(), Kind.EMPTY_UNDO,
            "the undo section is empty: a rollback would only delete the changelog row — write the statements "
                + "that reverse the up section below this line"));
      }
    }
    findings.addAll(uncreatedDrops(migration, up, undo));
    findings.sort(Comparator.comparingInt(ScriptFinding::line));
    return findings;
  }

  private static List<ScriptFinding> nearMisses(Migration migration, ScriptText text) {
    List<ScriptFinding> findings = new ArrayList<>();
    int last = text.marker() == 0 ? text.lines().size() : text.marker() - 1;
    for (int n = 1; n <= last; n++) {
      String line = text.lines().get(n - 1).strip();
      if (n == text.lines().size() && !text.lastLineEnded() && ScriptText.isMarker(line)) {
        findings.add(new ScriptFinding(migration, n, Kind.NEAR_MISS_MARKER, "'" + line + "' is the last line and "
            + "has no line end, so MyBatis does not take it for the undo marker — end the file with a line end"));
      } else if (UNDO_MENTION.matcher(line).matches()) {
        findings.add(new ScriptFinding(migration, n, Kind.NEAR_MISS_MARKER, "'" + line + "' is not an undo marker, "
            + "so MyBatis runs the lines below it on the way up — write the marker as '-- //@UNDO'"));
      }
    }
    return findings;
  }

  /** Drops in the undo of objects that neither the up section creates nor the undo re-creates. */
  private static List<ScriptFinding> uncreatedDrops(Migration migration, List<Statement> up, List<Statement> undo) {
    Set<SchemaObject> created = new HashSet<>();
    up.forEach(s -> created.addAll(SchemaObjects.created(s.text())));
    undo.forEach(s -> created.addAll(SchemaObjects.created(s.text())));
    List<ScriptFinding> findings = new ArrayList<>();
    for (Statement statement : undo) {
      for (SchemaObject dropped : SchemaObjects.dropped(statement.text())) {
        if (created.contains(dropped) || (dropped.kind().equals("column") && created.contains(new SchemaObject(
            "table", dropped.name().substring(0, dropped.name().indexOf('.')))))) {
          continue;
        }
        findings.add(new ScriptFinding(migration, statement.line(), Kind.UNDO_DROPS_UNCREATED, "the undo section "
            + "drops " + dropped.shown() + ", which the up section did not create — a rollback would remove what "
            + "existed before this migration; undo only what the up section did"));
      }
    }
    return findings;
  }

  /** True when a section MyBatis read holds a line that is neither blank nor a comment. */
  private static boolean hasStatements(String section) {
    return section.lines().map(String::strip)
        .anyMatch(l -> !l.isEmpty() && !l.startsWith("--") && !l.startsWith("//"));
  }
}
