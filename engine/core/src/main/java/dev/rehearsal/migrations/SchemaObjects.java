package dev.rehearsal.migrations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a statement creates and drops, read from its text: tables, views, indexes, types, sequences, functions,
 * triggers, constraints and columns. Names are compared without quotes, schema or case. This reads common DDL, not
 * every dialect's grammar; it is used to point at likely mistakes, never to decide what runs.
 */
final class SchemaObjects {

  private static final String NAME = "(?:\"[^\"]+\"|`[^`]+`|\\[[^\\]]+\\]|[\\w$]+)(?:\\s*\\.\\s*(?:\"[^\"]+\"|`[^`]+`"
      + "|\\[[^\\]]+\\]|[\\w$]+))?";
  private static final String KINDS = "(TABLE|VIEW|INDEX|TYPE|SEQUENCE|FUNCTION|PROCEDURE|TRIGGER)";
  private static final Pattern CREATE = Pattern.compile("^CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:(?:GLOBAL|LOCAL)\\s+)?"
      + "(?:(?:TEMP|TEMPORARY|UNLOGGED)\\s+)?(?:MATERIALIZED\\s+)?(?:(?:UNIQUE|FULLTEXT|SPATIAL)\\s+)?" + KINDS
      + "\\s+(?:CONCURRENTLY\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?(" + NAME + ")", Pattern.CASE_INSENSITIVE);
  private static final Pattern DROP = Pattern.compile("^DROP\\s+(?:MATERIALIZED\\s+)?" + KINDS
      + "\\s+(?:CONCURRENTLY\\s+)?(?:IF\\s+EXISTS\\s+)?(.*)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern ALTER = Pattern.compile("^ALTER\\s+(TABLE|VIEW|INDEX|SEQUENCE|TYPE)\\s+"
      + "(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?(" + NAME + ")(.*)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern CONSTRAINT = Pattern.compile("\\bCONSTRAINT\\s+(" + NAME + ")",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern DROP_CONSTRAINT = Pattern.compile("^\\s*DROP\\s+CONSTRAINT\\s+(?:IF\\s+EXISTS\\s+)?("
      + NAME + ")", Pattern.CASE_INSENSITIVE);
  private static final Pattern LEADING_NAME = Pattern.compile("^\\s*(" + NAME + ")");
  private static final List<String> NOT_COLUMNS = List.of("constraint", "primary", "foreign", "unique", "check",
      "exclude");

  /** One object: {@code kind} is {@code table}, {@code column}, ...; a column's name is {@code table.column}. */
  record SchemaObject(String kind, String name) {
    /** How a person names it: {@code table users}, {@code column users.nickname}. */
    String shown() {
      return kind + " " + name;
    }
  }

  private SchemaObjects() {}

  /** What the statement creates (renaming to a name counts as creating it). */
  static List<SchemaObject> created(String statement) {
    List<SchemaObject> objects = new ArrayList<>();
    Matcher constraints = CONSTRAINT.matcher(statement);
    while (constraints.find()) {
      objects.add(new SchemaObject("constraint", plain(constraints.group(1))));
    }
    Matcher create = CREATE.matcher(statement);
    if (create.find()) {
      objects.add(new SchemaObject(kind(create.group(1)), plain(create.group(2))));
    }
    Matcher alter = ALTER.matcher(statement);
    if (alter.find()) {
      String kind = kind(alter.group(1));
      String table = plain(alter.group(2));
      for (String clause : clauses(alter.group(3))) {
        String[] words = clause.strip().split("\\s+");
        String first = words[0].toLowerCase(Locale.ROOT);
        if (first.equals("rename")) {
          String target = plain(words[words.length - 1]);
          if (words.length >= 4 && words[1].equalsIgnoreCase("constraint")) {
            objects.add(new SchemaObject("constraint", target));
          } else if (words.length >= 4 && !words[1].equalsIgnoreCase("to")) {
            objects.add(new SchemaObject("column", table + "." + target));
          } else {
            objects.add(new SchemaObject(kind, target));
          }
        } else if (first.equals("add") && kind.equals("table")) {
          column(table, clause, "add", "not\\s+exists").ifPresent(objects::add);
        }
      }
    }
    return objects;
  }

  /** What the statement drops. */
  static List<SchemaObject> dropped(String statement) {
    List<SchemaObject> objects = new ArrayList<>();
    Matcher drop = DROP.matcher(statement);
    if (drop.find()) {
      String kind = kind(drop.group(1));
      for (String item : clauses(drop.group(2).replaceAll("(?is)\\s+(CASCADE|RESTRICT)\\s*$", ""))) {
        Matcher name = LEADING_NAME.matcher(item);
        if (name.find()) {
          objects.add(new SchemaObject(kind, plain(name.group(1))));
        }
        if (kind.equals("trigger")) {
          break;
        }
      }
    }
    Matcher alter = ALTER.matcher(statement);
    if (alter.find() && alter.group(1).equalsIgnoreCase("table")) {
      String table = plain(alter.group(2));
      for (String clause : clauses(alter.group(3))) {
        String[] words = clause.strip().split("\\s+");
        Matcher constraint = DROP_CONSTRAINT.matcher(clause);
        if (constraint.find()) {
          objects.add(new SchemaObject("constraint", plain(constraint.group(1))));
        } else if (words[0].equalsIgnoreCase("drop")) {
          column(table, clause, "drop", "exists").ifPresent(objects::add);
        }
      }
    }
    return objects;
  }

  /** The column an {@code ADD} or {@code DROP} clause of {@code ALTER TABLE} names, if it names one. */
  private static Optional<SchemaObject> column(String table, String clause, String verb, String ifWords) {
    Matcher matcher = Pattern.compile("(?is)^\\s*" + verb + "\\s+(?:COLUMN\\s+)?(?:IF\\s+" + ifWords + "\\s+)?("
        + NAME + ")").matcher(clause);
    if (!matcher.find()) {
      return Optional.empty();
    }
    String name = plain(matcher.group(1));
    if (NOT_COLUMNS.contains(name) && !clause.strip().toLowerCase(Locale.ROOT).startsWith(verb + " column")) {
      return Optional.empty();
    }
    return Optional.of(new SchemaObject("column", table + "." + name));
  }

  /** Splits at commas outside parentheses and quotes. */
  private static List<String> clauses(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    char quote = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts.stream().filter(p -> !p.isBlank()).toList();
  }

  private static String kind(String keyword) {
    String kind = keyword.toLowerCase(Locale.ROOT);
    return kind.equals("procedure") ? "function" : kind;
  }

  /** Without quotes and schema, lower case. */
  private static String plain(String name) {
    String last = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
    return last.strip().replaceAll("^[\"`\\[]|[\"`\\]]$", "").toLowerCase(Locale.ROOT);
  }
}
