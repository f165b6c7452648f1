package dev.rehearsal.migrations;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.ibatis.migration.Change;
import org.apache.ibatis.migration.MigrationException;
import org.apache.ibatis.migration.MigrationLoader;

/**
 * Wraps the loader so that, in memory, one statement of one script is preceded by a statement that fails (or that
 * {@link FaultyConnector} turns into a cut connection). Files on disk are never edited. Statements are counted the
 * way MyBatis's ScriptRunner splits them: comment lines skipped, {@code -- @DELIMITER} honoured, a statement ends on
 * the first line containing the delimiter.
 */
final class FailingLoader implements MigrationLoader {

  /** The text {@link FaultyConnector} looks for to cut the connection. */
  static final String DISCONNECT_MARKER = "/* rehearsal:simulated-disconnect */";

  private static final Pattern DELIMITER = Pattern.compile("^\\s*((--)|(//))?\\s*(//)?\\s*@DELIMITER\\s+([^\\s]+)",
      Pattern.CASE_INSENSITIVE);

  private final MigrationLoader delegate;
  private final InjectedFailure failure;
  private final String delimiter;
  private boolean injected;
  private int statements = -1;

  FailingLoader(MigrationLoader delegate, InjectedFailure failure, String delimiter) {
    this.delegate = delegate;
    this.failure = failure;
    this.delimiter = delimiter;
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
    String current = delimiter;
    int statement = 0;
    boolean inStatement = false;
    statements = 0;
    Integer insertAt = null;
    String insertDelimiter = null;
    for (int i = 0; i < lines.size(); i++) {
      String trimmed = lines.get(i).strip();
      if (trimmed.startsWith("--") || trimmed.startsWith("//")) {
        Matcher m = DELIMITER.matcher(trimmed);
        if (m.find()) {
          current = m.group(5);
        }
        continue;
      }
      if (trimmed.isEmpty()) {
        continue;
      }
      if (!inStatement) {
        statement++;
        statements++;
        inStatement = true;
        if (statement == failure.atStatement()) {
          insertAt = i;
          insertDelimiter = current;
        }
      }
      if (trimmed.contains(current)) {
        inStatement = false;
      }
    }
    if (insertAt == null) {
      return new StringReader(text);
    }
    String file = change.getFilename();
    String failing = failure.mode() == InjectedFailure.Mode.DISCONNECT
        ? "SELECT 1 " + DISCONNECT_MARKER + insertDelimiter
        : "SELECT * FROM \"simulated failure at statement " + failure.atStatement() + " of " + file + "\""
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
