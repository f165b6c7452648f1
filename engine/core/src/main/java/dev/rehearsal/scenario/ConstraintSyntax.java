package dev.rehearsal.scenario;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The short forms of constraint expectations, checked and normalized when a scenario is read. */
final class ConstraintSyntax {

  private static final String NAME = "[A-Za-z_][A-Za-z0-9_$]*";
  private static final String COLUMNS = "\\s*(" + NAME + ")\\s*\\(\\s*(" + NAME + "(?:\\s*,\\s*" + NAME + ")*)\\s*\\)\\s*";
  private static final Pattern TABLE_COLUMNS = Pattern.compile(COLUMNS);
  private static final Pattern FOREIGN_KEY = Pattern.compile(COLUMNS + "->" + COLUMNS);
  private static final Pattern QUALIFIED = Pattern.compile("\\s*(" + NAME + ")\\.(" + NAME + ")\\s*");

  private ConstraintSyntax() {}

  /** The normalized target ({@code users(id)}, {@code posts(user_id) -> users(id)}), or null when malformed. */
  static String normalize(String kind, String text) {
    switch (kind) {
      case "primary_key", "unique" -> {
        Matcher m = TABLE_COLUMNS.matcher(text);
        return m.matches() ? m.group(1) + "(" + columns(m.group(2)) + ")" : null;
      }
      case "foreign_key" -> {
        Matcher m = FOREIGN_KEY.matcher(text);
        return m.matches() ? m.group(1) + "(" + columns(m.group(2)) + ") -> " + m.group(3) + "(" + columns(m.group(4))
            + ")" : null;
      }
      default -> {
        Matcher m = QUALIFIED.matcher(text);
        return m.matches() ? m.group(1) + "." + m.group(2) : null;
      }
    }
  }

  static String example(String kind) {
    return switch (kind.toLowerCase(Locale.ROOT)) {
      case "primary_key" -> "users(id)";
      case "unique" -> "users(email)";
      case "foreign_key" -> "posts(user_id) -> users(id)";
      case "not_null" -> "users.email";
      default -> "posts.ck_posts_status (TABLE.CONSTRAINT_NAME)";
    };
  }

  private static String columns(String list) {
    return String.join(", ", list.split("\\s*,\\s*"));
  }
}
