package dev.rehearsal.database.sqlite;

import dev.rehearsal.database.SchemaFact;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What SQLite keeps only as text: CHECK constraints in CREATE TABLE statements, and the column list and predicate of
 * CREATE INDEX statements. Quoted names and strings are skipped, and parentheses matched, so that a predicate or a
 * default holding parentheses or the word CHECK is read right.
 */
final class SqliteDdl {

  /** Up to the parenthesis that opens the column list: {@code ON table (}. */
  private static final Pattern INDEX_ON = Pattern.compile("(?is)\\bON\\s+(?:\"[^\"]*\"|`[^`]*`|\\[[^\\]]*\\]|[^\\s(]+)\\s*\\(");
  private static final Pattern INDEX_WHERE = Pattern.compile("(?is)WHERE\\s+(.*)");
  private static final Pattern CONSTRAINT_NAME =
      Pattern.compile("(?is)CONSTRAINT\\s+(\"[^\"]+\"|`[^`]+`|\\[[^\\]]+\\]|\\w+)\\s*$");

  private SqliteDdl() {}

  /** The column list and predicate of a CREATE INDEX statement; null when the statement cannot be read. */
  record IndexText(String columns, String where) {}

  static IndexText index(String sql) {
    // The column list ends at its matching parenthesis, not the last one: a predicate may hold parentheses too.
    String text = sql == null ? "" : sql.strip();
    Matcher on = INDEX_ON.matcher(text);
    if (!on.find()) {
      return null;
    }
    int close = matching(text, on.end() - 1);
    Matcher where = INDEX_WHERE.matcher(text.substring(close + 1).strip());
    String predicate = where.matches() ? normalize(where.group(1)) : null;
    return new IndexText(normalize(text.substring(on.end(), close)), predicate);
  }

  /** CHECK constraints, found in the CREATE TABLE statement (SQLite keeps no catalog of them). */
  static void checks(String table, String sql, List<SchemaFact> facts) {
    if (sql == null) {
      return;
    }
    String upper = sql.toUpperCase(Locale.ROOT);
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"' || c == '`' || c == '[') {
        i = skipQuoted(sql, i);
        continue;
      }
      if (upper.startsWith("CHECK", i) && boundary(sql, i - 1) && boundary(sql, i + 5)) {
        int open = i + 5;
        while (open < sql.length() && Character.isWhitespace(sql.charAt(open))) {
          open++;
        }
        if (open < sql.length() && sql.charAt(open) == '(') {
          int close = matching(sql, open);
          String expression = normalize(sql.substring(open, close + 1));
          String name = constraintName(sql.substring(0, i));
          facts.add(new SchemaFact("check", name == null ? table + " " + expression : table + "." + name,
              Map.of("expression", expression)));
          i = close + 1;
          continue;
        }
      }
      i++;
    }
  }

  private static String constraintName(String before) {
    Matcher m = CONSTRAINT_NAME.matcher(before);
    return m.find() ? m.group(1).replaceAll("^[\"`\\[]|[\"`\\]]$", "") : null;
  }

  static int matching(String sql, int open) {
    int depth = 0;
    for (int i = open; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"' || c == '`' || c == '[') {
        i = skipQuoted(sql, i) - 1;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return sql.length() - 1;
  }

  private static int skipQuoted(String sql, int start) {
    char close = sql.charAt(start) == '[' ? ']' : sql.charAt(start);
    int i = start + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == close) {
        if (close != ']' && i + 1 < sql.length() && sql.charAt(i + 1) == close) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return sql.length();
  }

  private static boolean boundary(String sql, int i) {
    return i < 0 || i >= sql.length() || !(Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_');
  }

  static String normalize(String sql) {
    return sql == null ? "" : sql.strip().replaceAll("\\s+", " ").replaceAll("\\( ", "(").replaceAll(" \\)", ")");
  }
}
