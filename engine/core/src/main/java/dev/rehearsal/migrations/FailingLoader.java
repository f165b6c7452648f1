package dev.rehearsal.migrations;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.ibatis.migration.Change;
import org.apache.ibatis.migration.MigrationException;
import org.apache.ibatis.migration.MigrationLoader;

/**
 * Wraps the loader so that, in memory, one statement of one script is preceded by a statement that fails (or that
 * {@link FaultyConnector} turns into a cut connection). Files on disk are never edited. Statements are counted by
 * {@link ScriptStatements}, the way MyBatis's ScriptRunner splits them: comment lines skipped, {@code -- @DELIMITER}
 * honoured, and with {@code full_line_delimiter} a statement ending only at a line that holds just the delimiter.
 */
final class FailingLoader implements MigrationLoader {

  /** The text {@link FaultyConnector} looks for to cut the connection. */
  static final String DISCONNECT_MARKER = "/* rehearsal:simulated-disconnect */";
  /** The start of the name of the table the failing statement reads, which the driver's error repeats. */
  static final String ERROR_MARKER = "simulated failure at statement ";

  private final MigrationLoader delegate;
  private final InjectedFailure failure;
  private final String delimiter;
  private final boolean fullLineDelimiter;
  private boolean injected;
  private int statements = -1;

  FailingLoader(MigrationLoader delegate, InjectedFailure failure, String delimiter, boolean fullLineDelimiter) {
    this.delegate = delegate;
    this.failure = failure;
    this.delimiter = delimiter;
    this.fullLineDelimiter = fullLineDelimiter;
  }

  /** Whether the failing statement was handed to MyBatis. */
  boolean injected() {
    return injected;
  }

  /** How many statements the target section had, once it was read (-1 before). */
  int statements() {
    return statements;
  }

  @Override
  public List<Change> getMigrations() {
    return delegate.getMigrations();
  }

  @Override
  public Reader getScriptReader(Change change, boolean undo) {
    Reader reader = delegate.getScriptReader(change, undo);
    if (undo != failure.undo() || change.getId().compareTo(failure.migration()) != 0
        || failure.mode() == InjectedFailure.Mode.AFTER_COMMIT) {
      return reader;
    }
    String text = read(reader, change);
    List<String> lines = new ArrayList<>(text.lines().toList());
    List<ScriptText.Line> numbered = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      numbered.add(new ScriptText.Line(i + 1, lines.get(i)));
    }
    // Counted as MyBatis's ScriptRunner splits them (the delimiter, -- @DELIMITER, full_line_delimiter).
    List<ScriptStatements.Statement> split = new ScriptStatements(null, delimiter, fullLineDelimiter, false)
        .split(numbered);
    statements = split.size();
    Integer insertAt = null;
    String insertDelimiter = null;
    if (failure.atStatement() <= split.size()) {
      ScriptStatements.Statement target = split.get(failure.atStatement() - 1);
      insertAt = target.line() - 1;
      insertDelimiter = fullLineDelimiter ? "\n" + target.delimiter() : target.delimiter();
    }
    if (insertAt == null) {
      return new StringReader(text);
    }
    String file = change.getFilename();
    String failing = failure.mode() == InjectedFailure.Mode.DISCONNECT
        ? "SELECT 1 " + DISCONNECT_MARKER + insertDelimiter
        : "SELECT * FROM \"" + ERROR_MARKER + failure.atStatement() + " of " + file + "\""
            + insertDelimiter;
    lines.add(insertAt, failing);
    injected = true;
    return new StringReader(String.join("\n", lines) + "\n");
  }

  private static String read(Reader reader, Change change) {
    try (Reader in = reader) {
      StringBuilder text = new StringBuilder();
      char[] buffer = new char[8192];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        text.append(buffer, 0, n);
      }
      return text.toString();
    } catch (IOException e) {
      throw new MigrationException("Error reading " + change.getFilename(), e);
    }
  }

  @Override
  public Reader getBootstrapReader() {
    return delegate.getBootstrapReader();
  }

  @Override
  public Reader getOnAbortReader() {
    return delegate.getOnAbortReader();
  }
}
