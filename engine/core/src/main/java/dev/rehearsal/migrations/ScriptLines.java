package dev.rehearsal.migrations;

import dev.rehearsal.migrations.ScriptStatements.Statement;
import java.util.List;
import org.apache.ibatis.migration.options.DatabaseOperationOption;

/**
 * The line of a script a round-trip verdict is about, so that a CI annotation lands on it: the undo marker (a
 * rollback that leaves a trace, loses data or fails), or the statement that failed (an up that fails). Statements
 * are split as MyBatis splits them, with the environment's {@code ${variables}} replaced, and compared with the
 * failing statement with whitespace collapsed, as {@link MigrationFailedException#statement()} gives it.
 */
public final class ScriptLines {

  private ScriptLines() {}

  /** The line of the undo marker; the last line when the script has none (where the marker would go). */
  public static int undoMarker(MigrationRepository repository, Migration migration) {
    ScriptText text = ScriptText.read(repository, migration);
    return text.marker() > 0 ? text.marker() : Math.max(1, text.lines().size());
  }

  /**
   * The line the failing {@code statement} starts on in the up (or undo) section; when no statement of the section
   * is that one (or {@code statement} is null, or MyBatis sent the whole section at once), the section's first
   * statement, else its first line.
   */
  public static int statement(MigrationRepository repository, Migration migration, boolean undo, String statement) {
    ScriptText text = ScriptText.read(repository, migration);
    DatabaseOperationOption options = repository.options();
    List<Statement> statements = new ScriptStatements(migration, options.getDelimiter(),
        options.isFullLineDelimiter(), false).split(undo ? text.undo() : text.up());
    String wanted = statement == null ? null : collapse(statement);
    if (wanted != null && !options.isSendFullScript()) {
      for (Statement candidate : statements) {
        if (collapse(candidate.text()).equals(wanted)) {
          return candidate.line();
        }
      }
    }
    if (!statements.isEmpty()) {
      return statements.get(0).line();
    }
    return undo ? undoMarker(repository, migration) : 1;
  }

  private static String collapse(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }
}
