package dev.rehearsal.scenario;

import dev.rehearsal.io.PathText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads typed values out of a node tree and records a {@link Problem} for every value of the wrong shape, so a
 * whole file is checked in one pass. Methods return null after recording a problem; callers skip what is null.
 */
final class YamlWalker {

  private static final Pattern IDENTIFIER =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)?");
  private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
  /** The longest key of any mapping: every key Rehearsal knows, and every table or column name, is far shorter. */
  static final int MAX_KEY = 200;
  /** The longest table, column or schema name (each part of {@code schema.table}); PostgreSQL's limit is 63. */
  static final int MAX_NAME = 128;
  /** How much of a value a message repeats. */
  private static final int ECHO = 60;
  private static final Pattern DECIMAL_INTEGER = Pattern.compile("[-+]?[0-9]+");

  private final String file;
  private final List<Problem> problems;
  /** Keys offered as "did you mean": a missing required key that was offered is not reported twice. */
  private final Set<String> suggested = new HashSet<>();

  YamlWalker(String file, List<Problem> problems) {
    this.file = file;
    this.problems = problems;
  }

  String file() {
    return file;
  }

  SourcePosition at(Node node) {
    return YamlSource.position(file, node.getStartMark());
  }

  void problem(Node node, String message) {
    problems.add(new Problem(at(node), message));
  }

  void problem(Problem problem) {
    problems.add(problem);
  }

  static boolean isNull(Node node) {
    return node instanceof ScalarNode && node.getTag() == Tag.NULL;
  }

  /**
   * The entries of a mapping in the order written. Duplicate keys, non-text keys and keys outside
   * {@code allowed} (when not null) are problems; {@code what} names the mapping in messages.
   */
  Map<String, NodeTuple> mapping(Node node, String what, Collection<String> allowed) {
    if (!(node instanceof MappingNode mapping)) {
      problem(node, what + " must be a mapping (key: value), found " + describe(node));
      return null;
    }
    Map<String, NodeTuple> entries = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node keyNode = tuple.getKeyNode();
      if (!(keyNode instanceof ScalarNode scalar) || keyNode.getTag() == Tag.NULL) {
        problem(keyNode, "keys in " + what + " must be plain text, found " + describe(keyNode));
        continue;
      }
      String key = scalar.getValue();
      if (key.length() > MAX_KEY) {
        problem(keyNode, "a key of " + key.length() + " characters in " + what + " — keys are at most " + MAX_KEY
            + " characters");
        continue;
      }
      if (entries.containsKey(key)) {
        problem(keyNode, "duplicate key '" + key + "' in " + what + " — each key may appear once");
        continue;
      }
      if (allowed != null && !allowed.contains(key)) {
        problem(keyNode, "unknown key '" + echo(key) + "' in " + what + Hints.suggestion(key, allowed));
        Hints.closest(key, allowed).ifPresent(suggested::add);
        continue;
      }
      entries.put(key, tuple);
    }
    return entries;
  }

  List<Node> sequence(Node node, String what) {
    if (!(node instanceof SequenceNode sequence)) {
      problem(node, what + " must be a list, found " + describe(node));
      return null;
    }
    return sequence.getValue();
  }

  /** A list of text items; a single scalar is accepted as a list of one. */
  List<String> strings(Node node, String what) {
    List<Node> items = node instanceof ScalarNode ? List.of(node) : sequence(node, what);
    if (items == null) {
      return null;
    }
    List<String> values = new ArrayList<>();
    for (Node item : items) {
      String value = text(item, "each item of " + what);
      if (value != null) {
        values.add(value);
      }
    }
    return values;
  }

  /** A non-empty text value; numbers and dates are accepted as their text. */
  String text(Node node, String what) {
    if (!(node instanceof ScalarNode scalar) || node.getTag() == Tag.NULL) {
      problem(node, what + " must be text, found " + describe(node));
      return null;
    }
    if (scalar.getValue().isBlank()) {
      problem(node, what + " must not be empty");
      return null;
    }
    return scalar.getValue();
  }

  /** A file path: text that can be one ({@link PathText}). */
  String path(Node node, String what) {
    String value = text(node, what);
    if (value == null) {
      return null;
    }
    Optional<String> wrong = PathText.problem(value);
    if (wrong.isPresent()) {
      problem(node, what + " " + wrong.get());
      return null;
    }
    return value;
  }

  /** A whole number at least {@code min}. */
  Long integer(Node node, String what, long min) {
    if (!(node instanceof ScalarNode scalar) || node.getTag() != Tag.INT
        || !DECIMAL_INTEGER.matcher(scalar.getValue().replace("_", "")).matches()) {
      problem(node, what + " must be a whole number, found " + describe(node));
      return null;
    }
    BigDecimal value = new BigDecimal(scalar.getValue().replace("_", ""));
    if (value.compareTo(BigDecimal.valueOf(min)) < 0) {
      problem(node, what + " must be at least " + min + ", found " + value.toPlainString());
      return null;
    }
    if (value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
      problem(node, what + " is too large (" + echo(value.toPlainString()) + ") — at most " + Integer.MAX_VALUE);
      return null;
    }
    return value.longValueExact();
  }

  /** A table name: letters, digits, {@code _}, optionally schema-qualified ({@code schema.table}). */
  String identifier(Node node, String what) {
    return name(node, what, IDENTIFIER, " (schema.table is allowed)");
  }

  /** A column name: letters, digits and {@code _}, never qualified. */
  String column(Node node, String what) {
    return name(node, what, COLUMN, "");
  }

  private String name(Node node, String what, Pattern pattern, String qualified) {
    String value = text(node, what);
    if (value == null) {
      return null;
    }
    if (value.length() > 2 * MAX_NAME + 1) {
      problem(node, what + " of " + value.length() + " characters — a name is at most " + MAX_NAME + " characters");
      return null;
    }
    if (!pattern.matcher(value).matches()) {
      problem(node, what + " '" + echo(value) + "' is not a plain name — use letters, digits and _" + qualified);
      return null;
    }
    for (String part : value.split("\\.")) {
      if (part.length() > MAX_NAME) {
        problem(node, what + " of " + value.length() + " characters — a name is at most " + MAX_NAME
            + " characters");
        return null;
      }
    }
    return value;
  }

  /** A value as messages repeat it: whole when short, else its start and its length. */
  static String echo(String value) {
    return value.length() <= ECHO ? value : value.substring(0, ECHO - 3) + "... (" + value.length() + " characters)";
  }

  /**
   * A scalar as a value to bind or compare: null, Boolean (only true/false, so "yes" and "no" stay text), Long or
   * BigDecimal for numbers, otherwise the text as written.
   */
  Object value(Node node, String what) {
    if (!(node instanceof ScalarNode scalar)) {
      problem(node, what + " must be a single value, found " + describe(node));
      return null;
    }
    String raw = scalar.getValue();
    Tag tag = node.getTag();
    if (tag == Tag.NULL) {
      return null;
    }
    if (tag == Tag.BOOL) {
      String lower = raw.toLowerCase(Locale.ROOT);
      return lower.equals("true") || lower.equals("false") ? Boolean.valueOf(lower) : raw;
    }
    if (tag == Tag.INT && DECIMAL_INTEGER.matcher(raw.replace("_", "")).matches()) {
      BigDecimal number = new BigDecimal(raw.replace("_", ""));
      return number.toBigIntegerExact().bitLength() < 64 ? (Object) number.longValueExact() : number;
    }
    if (tag == Tag.FLOAT) {
      try {
        return new BigDecimal(raw.replace("_", ""));
      } catch (NumberFormatException notPlain) {
        return raw;
      }
    }
    return raw;
  }

  /** The value of a key that must be present; records a problem at {@code owner} when it is missing. */
  Node required(Map<String, NodeTuple> entries, String key, Node owner, String what) {
    NodeTuple tuple = entries.get(key);
    if (tuple == null) {
      if (!suggested.contains(key)) {
        problem(owner, what + " needs '" + key + "'");
      }
      return null;
    }
    return tuple.getValueNode();
  }

  static Node optional(Map<String, NodeTuple> entries, String key) {
    NodeTuple tuple = entries.get(key);
    return tuple == null ? null : tuple.getValueNode();
  }

  /** What a node is, without any of its content: a list, a mapping, text, a number, ... */
  static String kind(Node node) {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    if (node.getTag() == Tag.NULL) {
      return "nothing";
    }
    return node.getTag() == Tag.INT || node.getTag() == Tag.FLOAT ? "a number"
        : node.getTag() == Tag.BOOL ? "a boolean" : "text";
  }

  static String describe(Node node) {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    ScalarNode scalar = (ScalarNode) node;
    if (node.getTag() == Tag.NULL) {
      return "nothing";
    }
    String value = scalar.getValue();
    String shown = value.length() > 40 ? value.substring(0, 37) + "..." : value;
    if (node.getTag() == Tag.INT || node.getTag() == Tag.FLOAT) {
      return "the number " + shown;
    }
    if (node.getTag() == Tag.BOOL) {
      return "the boolean " + shown;
    }
    return "the text '" + shown + "'";
  }
}
