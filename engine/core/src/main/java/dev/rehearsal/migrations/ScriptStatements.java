package dev.rehearsal.migrations;

import dev.rehearsal.migrations.ScriptFinding.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a section into statements by the rules of MyBatis's {@code ScriptRunner} (3.5.0): comment lines start
 * with {@code --} or {@code //} and may switch the delimiter ({@code -- @DELIMITER ~}); a statement ends on the
 * first line that contains the delimiter, cut at its last occurrence. Along the way it notes what that rule does
 * that the author did not mean: text after the last delimiter, and two statements on one line.
 */
final class ScriptStatements {

  /** The same pattern as MyBatis's {@code ScriptRunner.DELIMITER_PATTERN}. */
  private static final Pattern DELIMITER = Pattern.compile("^\\s*((--)|(//))?\\s*(//)?\\s*@DELIMITER\\s+([^\\s]+)",
      Pattern.CASE_INSENSITIVE);

  /** One statement, the line it starts on, and the delimiter in effect there. */
  record Statement(int line, String text, String delimiter) {}

  private final Migration migration;
  private final String delimiterSetting;
  private final boolean fullLineDelimiter;
  private final boolean lineChecks;
  private final List<ScriptFinding> findings = new ArrayList<>();

  /**
   * @param fullLineDelimiter the environment's {@code full_line_delimiter}: a statement ends at a line holding only
   *     the delimiter
   * @param lineChecks whether to note line problems: only when MyBatis splits line by line at a delimiter that
   *     may share a line with text (not with {@code send_full_script} or {@code full_line_delimiter})
   */
  ScriptStatements(Migration migration, String delimiter, boolean fullLineDelimiter, boolean lineChecks) {
    this.migration = migration;
    this.delimiterSetting = delimiter;
    this.fullLineDelimiter = fullLineDelimiter;
    this.lineChecks = lineChecks && !fullLineDelimiter;
  }

  /** The line problems noted by the {@link #split} calls so far. */
  List<ScriptFinding> findings() {
    return findings;
  }

  /** The statements of a section, in order; a last statement without a delimiter is included. */
  List<Statement> split(List<ScriptText.Line> lines) {
    String delimiter = delimiterSetting;
    List<Statement> statements = new ArrayList<>();
    StringBuilder command = new StringBuilder();
    int start = 0;
    for (ScriptText.Line line : lines) {
      String text = line.text();
      String trimmed = text.trim();
      if (trimmed.startsWith("--") || trimmed.startsWith("//")) {
        Matcher matcher = DELIMITER.matcher(trimmed);
        if (matcher.find()) {
          delimiter = matcher.group(5);
        }
        continue;
      }
      if (trimmed.isEmpty()) {
        continue;
      }
      if (start == 0) {
        start = line.number();
      }
      int end = fullLineDelimiter ? (trimmed.equals(delimiter) ? text.indexOf(delimiter) : -1)
          : text.lastIndexOf(delimiter);
      if (end < 0) {
        command.append(text).append('\n');
        continue;
      }
      String head = text.substring(0, end);
      if (lineChecks) {
        check(line.number(), head, text.substring(end + delimiter.length()), delimiter);
      }
      statements.add(new Statement(start, command.append(head).toString().strip(), delimiter));
      command.setLength(0);
      start = 0;
    }
    if (!command.isEmpty()) {
      statements.add(new Statement(start, command.toString().strip(), delimiter));
    }
    return statements;
  }

  private void check(int line, String head, String tail, String delimiter) {
    String rest = tail.strip();
    if (!rest.isEmpty() && !rest.startsWith("--") && !rest.startsWith("/*")) {
      findings.add(new ScriptFinding(migration, line, Kind.TEXT_AFTER_DELIMITER, "text after the last '" + delimiter
          + "' on this line is dropped by MyBatis: '" + rest + "' — end the line at the '" + delimiter
          + "', or move the text to a line of its own"));
    }
    int count = statementsOn(head, delimiter);
    if (count > 1) {
      findings.add(new ScriptFinding(migration, line, Kind.SEVERAL_STATEMENTS, count + " statements on one line: "
          + "MyBatis sends them in one call, and SQLite runs only the first — put each statement on a line of its "
          + "own"));
    }
  }

  /**
   * How many statements {@code head} (a line up to its last delimiter) holds: delimiters inside quotes or after
   * {@code --} do not count, nor one followed only by spaces or a comment.
   */
  static int statementsOn(String head, String delimiter) {
    int count = 1;
    char quote = 0;
    for (int i = 0; i < head.length(); i++) {
      char c = head.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (head.startsWith("--", i)) {
        return count;
      } else if (head.startsWith(delimiter, i)) {
        String rest = head.substring(i + delimiter.length()).strip();
        count += rest.isEmpty() || rest.startsWith("--") ? 0 : 1;
        i += delimiter.length() - 1;
      }
    }
    return count;
  }
}
