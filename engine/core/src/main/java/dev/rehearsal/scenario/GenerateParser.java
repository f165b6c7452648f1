package dev.rehearsal.scenario;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/** Parses {@code seed: {generate: {table, rows, seed, columns}}}. */
final class GenerateParser {

  static final List<String> GENERATE_KEYS = List.of("table", "rows", "seed", "columns");
  static final List<String> RULE_KEYS = List.of("range", "one_of", "text", "dates");

  /** More rows than this is a typo, not a rehearsal. */
  static final long MAX_ROWS = 100_000_000L;

  private final YamlWalker yaml;

  GenerateParser(YamlWalker yaml) {
    this.yaml = yaml;
  }

  SeedStep.Generate generate(Node value) {
    Map<String, NodeTuple> entries = yaml.mapping(value, "'seed.generate'", GENERATE_KEYS);
    if (entries == null) {
      return null;
    }
    Node tableNode = yaml.required(entries, "table", value, "'seed.generate'");
    Node rowsNode = yaml.required(entries, "rows", value, "'seed.generate'");
    Node seedNode = YamlWalker.optional(entries, "seed");
    Node columnsNode = YamlWalker.optional(entries, "columns");
    String table = tableNode == null ? null : yaml.identifier(tableNode, "'seed.generate.table'");
    Long rows = rowsNode == null ? null : yaml.integer(rowsNode, "'seed.generate.rows'", 1);
    if (rows != null && rows > MAX_ROWS) {
      yaml.problem(rowsNode, "'seed.generate.rows' is at most " + MAX_ROWS + ", found " + rows);
      rows = null;
    }
    Long seed = seedNode == null ? Long.valueOf(1) : yaml.integer(seedNode, "'seed.generate.seed'", 0);
    List<ColumnRule> rules = columnsNode == null ? List.of() : columns(columnsNode);
    if (table == null || rows == null || seed == null || rules == null) {
      return null;
    }
    return new SeedStep.Generate(table, rows, seed, rules, yaml.at(value));
  }

  private List<ColumnRule> columns(Node node) {
    Map<String, NodeTuple> entries = yaml.mapping(node, "'seed.generate.columns'", null);
    if (entries == null) {
      return null;
    }
    List<ColumnRule> rules = new ArrayList<>();
    boolean complete = true;
    for (NodeTuple tuple : entries.values()) {
      String column = yaml.column(tuple.getKeyNode(), "column name");
      ColumnRule.Values values = column == null ? null : rule(tuple.getValueNode(), column);
      if (values == null) {
        complete = false;
        continue;
      }
      rules.add(new ColumnRule(column, values, yaml.at(tuple.getKeyNode())));
    }
    return complete ? rules : null;
  }

  private ColumnRule.Values rule(Node node, String column) {
    String what = "the rule of '" + column + "'";
    Map<String, NodeTuple> entries = yaml.mapping(node, what, RULE_KEYS);
    if (entries == null) {
      return null;
    }
    if (entries.size() != 1 && (entries.size() > 1 || ((MappingNode) node).getValue().isEmpty())) {
      yaml.problem(node, what + " takes one of range, one_of, text or dates, found "
          + (entries.isEmpty() ? "none" : String.join(", ", entries.keySet())));
      return null;
    }
    if (entries.isEmpty()) {
      return null;
    }
    Map.Entry<String, NodeTuple> only = entries.entrySet().iterator().next();
    Node value = only.getValue().getValueNode();
    return switch (only.getKey()) {
      case "range" -> range(value, column);
      case "one_of" -> oneOf(value, column);
      case "text" -> {
        Long length = yaml.integer(value, "'" + column + ".text' (a length)", 1);
        yield length == null ? null : new ColumnRule.Text(length.intValue());
      }
      default -> dates(value, column);
    };
  }

  private ColumnRule.Values range(Node node, String column) {
    List<Node> bounds = pair(node, "'" + column + ".range'", "two whole numbers, [low, high]");
    if (bounds == null) {
      return null;
    }
    Object low = yaml.value(bounds.get(0), "the low end of '" + column + ".range'");
    Object high = yaml.value(bounds.get(1), "the high end of '" + column + ".range'");
    if (!(low instanceof Long a) || !(high instanceof Long b)) {
      yaml.problem(node, "'" + column + ".range' takes two whole numbers, [low, high]");
      return null;
    }
    if (a > b) {
      yaml.problem(node, "'" + column + ".range' goes from " + a + " down to " + b + " — write [low, high]");
      return null;
    }
    return new ColumnRule.Range(a, b);
  }

  private ColumnRule.Values oneOf(Node node, String column) {
    List<Node> items = yaml.sequence(node, "'" + column + ".one_of'");
    if (items == null) {
      return null;
    }
    if (items.isEmpty()) {
      yaml.problem(node, "'" + column + ".one_of' is empty — list the values to choose from");
      return null;
    }
    List<Object> values = new ArrayList<>();
    for (Node item : items) {
      Object value = yaml.value(item, "each value of '" + column + ".one_of'");
      if (value == null) {
        if (YamlWalker.isNull(item)) {
          yaml.problem(item, "'" + column + ".one_of' cannot list null — leave the column out to get NULL");
        }
        return null;
      }
      if (!values.isEmpty() && kind(values.get(0)) != kind(value)) {
        yaml.problem(item, "'" + column + ".one_of' mixes " + kind(values.get(0)) + " and " + kind(value)
            + " — list values of one kind");
        return null;
      }
      values.add(value);
    }
    return new ColumnRule.OneOf(values);
  }

  private static String kind(Object value) {
    return value instanceof Boolean ? "booleans" : value instanceof Number ? "numbers" : "text";
  }

  private ColumnRule.Values dates(Node node, String column) {
    List<Node> bounds = pair(node, "'" + column + ".dates'", "two dates, [first, last]");
    if (bounds == null) {
      return null;
    }
    LocalDate first = date(bounds.get(0), column);
    LocalDate last = date(bounds.get(1), column);
    if (first == null || last == null) {
      return null;
    }
    if (first.isAfter(last)) {
      yaml.problem(node, "'" + column + ".dates' goes from " + first + " back to " + last + " — write [first, last]");
      return null;
    }
    return new ColumnRule.Dates(first, last);
  }

  private LocalDate date(Node node, String column) {
    String text = yaml.text(node, "a date of '" + column + ".dates'");
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      yaml.problem(node, "'" + YamlWalker.echo(text) + "' in '" + column + ".dates' is not a date — write "
          + "YYYY-MM-DD");
      return null;
    }
  }

  private List<Node> pair(Node node, String what, String wanted) {
    List<Node> items = yaml.sequence(node, what);
    if (items == null) {
      return null;
    }
    if (items.size() != 2) {
      yaml.problem(node, what + " takes " + wanted + ", found " + items.size() + " items");
      return null;
    }
    return items;
  }
}
