package dev.rehearsal.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Parses {@code expect:} into one {@link Expectation} per check. */
final class ExpectParser {

  static final List<String> EXPECTATION_KEYS = List.of("version", "pending", "rows", "tables", "columns", "query",
      "schema", "data", "constraints", "indexes", "locks", "rewrites");
  static final List<String> CONSTRAINT_KINDS = List.of("primary_key", "unique", "foreign_key", "not_null", "check");
  static final List<String> PRESENT_ABSENT = List.of("present", "absent");
  static final List<String> QUERY_KEYS = List.of("sql", "equals", "rows");
  static final List<String> SCHEMA_KEYS = List.of("same_as", "matches");
  static final List<String> DATA_KEYS = List.of("same_as", "tables");
  static final List<String> INDEX_KEYS = List.of("name", "table", "columns", "unique", "method");

  private final StepParser steps;
  private final YamlWalker yaml;
  private final List<Expectation> expectations = new ArrayList<>();
  private boolean complete = true;

  ExpectParser(StepParser steps, YamlWalker yaml) {
    this.steps = steps;
    this.yaml = yaml;
  }

  ExpectStep expect(Node value, SourcePosition at) {
    Map<String, NodeTuple> entries = yaml.mapping(value, "'expect'", EXPECTATION_KEYS);
    if (entries == null) {
      return null;
    }
    if (entries.isEmpty() && value instanceof MappingNode m && m.getValue().isEmpty()) {
      yaml.problem(value, "'expect' is empty — give at least one of: " + String.join(", ", EXPECTATION_KEYS));
      return null;
    }
    for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
      Node node = entry.getValue().getValueNode();
      switch (entry.getKey()) {
        case "version" -> version(node);
        case "pending" -> pending(node);
        case "rows" -> rows(node);
        case "tables" -> tables(node);
        case "columns" -> columns(node);
        case "query" -> queries(node);
        case "schema" -> schema(node);
        case "data" -> data(node);
        case "constraints" -> constraints(node);
        case "indexes" -> indexes(node);
        case "locks" -> locks(node);
        case "rewrites" -> rewrites(node);
        default -> throw new IllegalStateException("expectation without a parser: " + entry.getKey());
      }
    }
    return complete && entries.size() == ((MappingNode) value).getValue().size()
        ? new ExpectStep(expectations, at) : null;
  }

  private void version(Node node) {
    Target version = steps.target(node, "'version'", true, true);
    add(version == null ? null : new Expectation.Version(version, yaml.at(node)));
  }

  private void pending(Node node) {
    Long count = yaml.integer(node, "'pending'", 0);
    add(count == null ? null : new Expectation.Pending(count.intValue(), yaml.at(node)));
  }

  private void rows(Node node) {
    Map<String, NodeTuple> tables = yaml.mapping(node, "'rows'", null);
    if (tables == null) {
      complete = false;
      return;
    }
    for (NodeTuple tuple : tables.values()) {
      String table = yaml.identifier(tuple.getKeyNode(), "table name");
      Long count = yaml.integer(tuple.getValueNode(), "the row count of '" + table + "'", 0);
      add(table == null || count == null ? null
          : new Expectation.RowCount(table, count, yaml.at(tuple.getKeyNode())));
    }
  }

  private void locks(Node node) {
    Map<String, NodeTuple> tables = yaml.mapping(node, "'locks'", null);
    if (tables == null) {
      complete = false;
      return;
    }
    for (NodeTuple tuple : tables.values()) {
      String table = yaml.identifier(tuple.getKeyNode(), "table name");
      Map<String, NodeTuple> limit = yaml.mapping(tuple.getValueNode(), "the lock limit of '" + table + "'",
          List.of("at_most"));
      Node modeNode = limit == null ? null : yaml.required(limit, "at_most", tuple.getValueNode(),
          "the lock limit of '" + table + "'");
      String text = modeNode == null ? null : yaml.text(modeNode, "'" + table + ".at_most'");
      LockMode mode = text == null ? null : LockMode.parse(text).orElse(null);
      if (text != null && mode == null) {
        yaml.problem(modeNode, "'" + YamlWalker.echo(text) + "' is not a lock mode — use one of: "
            + String.join(", ", java.util.Arrays.stream(LockMode.values()).map(LockMode::shown).toList()));
      }
      add(table == null || mode == null ? null : new Expectation.Locks(table, mode, yaml.at(tuple.getKeyNode())));
    }
  }

  private void rewrites(Node node) {
    Map<String, NodeTuple> entries = yaml.mapping(node, "'rewrites'", PRESENT_ABSENT);
    if (entries == null) {
      complete = false;
      return;
    }
    for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
      boolean present = entry.getKey().equals("present");
      for (Node item : names(entry.getValue().getValueNode(), "'rewrites." + entry.getKey() + "'")) {
        String table = yaml.identifier(item, "table name");
        add(table == null ? null : new Expectation.Rewrite(table, present, yaml.at(item)));
      }
    }
  }

  private void tables(Node node) {
    Map<String, NodeTuple> entries = yaml.mapping(node, "'tables'", PRESENT_ABSENT);
    if (entries == null) {
      complete = false;
      return;
    }
    for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
      boolean present = entry.getKey().equals("present");
      for (Node item : names(entry.getValue().getValueNode(), "'tables." + entry.getKey() + "'")) {
        String table = yaml.identifier(item, "table name");
        add(table == null ? null : new Expectation.Table(table, present, yaml.at(item)));
      }
    }
  }

  private void columns(Node node) {
    Map<String, NodeTuple> tables = yaml.mapping(node, "'columns'", null);
    if (tables == null) {
      complete = false;
      return;
    }
    for (NodeTuple tuple : tables.values()) {
      String table = yaml.identifier(tuple.getKeyNode(), "table name");
      Node spec = tuple.getValueNode();
      SourcePosition at = yaml.at(tuple.getKeyNode());
      if (spec instanceof MappingNode) {
        Map<String, NodeTuple> parts = yaml.mapping(spec, "the columns of '" + table + "'", PRESENT_ABSENT);
        List<String> present = parts == null ? null : columnNames(YamlWalker.optional(parts, "present"), "present");
        List<String> absent = parts == null ? null : columnNames(YamlWalker.optional(parts, "absent"), "absent");
        if (parts != null && parts.isEmpty()) {
          yaml.problem(spec, "the columns of '" + table + "' need 'present' or 'absent'");
          present = null;
        }
        add(table == null || present == null || absent == null ? null
            : new Expectation.Columns(table, null, present, absent, at));
      } else {
        List<String> exactly = columnNames(spec, "exactly");
        add(table == null || exactly == null ? null
            : new Expectation.Columns(table, exactly, List.of(), List.of(), at));
      }
    }
  }

  private List<String> columnNames(Node node, String what) {
    if (node == null) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    boolean ok = true;
    for (Node item : names(node, "the columns (" + what + ")")) {
      String name = yaml.column(item, "column name");
      if (name == null) {
        ok = false;
      } else {
        names.add(name);
      }
    }
    return ok ? names : null;
  }

  private List<Node> names(Node node, String what) {
    if (node instanceof SequenceNode sequence) {
      return sequence.getValue();
    }
    if (node instanceof MappingNode) {
      yaml.problem(node, what + " must be a list of names, found a mapping");
      complete = false;
      return List.of();
    }
    return List.of(node);
  }

  private void queries(Node node) {
    if (node instanceof SequenceNode sequence) {
      if (sequence.getValue().isEmpty()) {
        yaml.problem(node, "'query' is empty — give a mapping with 'sql' and 'equals' or 'rows'");
        complete = false;
      }
      sequence.getValue().forEach(this::query);
    } else {
      query(node);
    }
  }

  private void query(Node node) {
    Map<String, NodeTuple> entries = yaml.mapping(node, "'query'", QUERY_KEYS);
    if (entries == null) {
      complete = false;
      return;
    }
    Node sqlNode = yaml.required(entries, "sql", node, "'query'");
    String sql = sqlNode == null ? null : yaml.text(sqlNode, "'query.sql'");
    Node equalsNode = YamlWalker.optional(entries, "equals");
    Node rowsNode = YamlWalker.optional(entries, "rows");
    if ((equalsNode == null) == (rowsNode == null)) {
      yaml.problem(node, "'query' needs either 'equals' (one value) or 'rows' (a list of rows)");
      complete = false;
      return;
    }
    List<List<Object>> rows = new ArrayList<>();
    if (equalsNode != null) {
      Object value = yaml.value(equalsNode, "'equals'");
      if (value == null && !YamlWalker.isNull(equalsNode)) {
        complete = false;
        return;
      }
      List<Object> row = new ArrayList<>();
      row.add(value);
      rows.add(row);
    } else {
      List<Node> rowNodes = yaml.sequence(rowsNode, "'rows'");
      if (rowNodes == null) {
        complete = false;
        return;
      }
      for (Node rowNode : rowNodes) {
        List<Node> cells = rowNode instanceof SequenceNode s ? s.getValue() : List.of(rowNode);
        List<Object> row = new ArrayList<>();
        for (Node cell : cells) {
          Object value = yaml.value(cell, "a value in 'rows'");
          if (value == null && !YamlWalker.isNull(cell)) {
            complete = false;
          }
          row.add(value);
        }
        rows.add(row);
      }
    }
    add(sql == null ? null : new Expectation.Query(sql, rows, equalsNode != null, yaml.at(node)));
  }

  private void schema(Node node) {
    Map<String, NodeTuple> entries = yaml.mapping(node, "'schema'", SCHEMA_KEYS);
    if (entries == null) {
      complete = false;
      return;
    }
    Node sameAs = YamlWalker.optional(entries, "same_as");
    Node matches = YamlWalker.optional(entries, "matches");
    if ((sameAs == null) == (matches == null)) {
      yaml.problem(node, "'schema' needs either 'same_as' (a label) or 'matches' (a golden snapshot file)");
      complete = false;
      return;
    }
    if (sameAs != null) {
      String label = steps.label(sameAs, "'schema.same_as'");
      add(label == null ? null : new Expectation.Schema(label, null, yaml.at(node)));
      return;
    }
    String file = yaml.path(matches, "'schema.matches'");
    if (file != null) {
      java.nio.file.Path root = steps.context().projectRoot();
      java.nio.file.Path resolved = root.resolve(file.replace("{database}", "db")).normalize();
      if (!resolved.startsWith(root) && !steps.context().allowOutsideProject()) {
        yaml.problem(matches, "golden file '" + file + "' is outside the project — keep it in the repository (or "
            + "allow it with --allow-outside-project)");
        file = null;
      }
    }
    add(file == null ? null : new Expectation.Schema(null, file, yaml.at(node)));
  }

  private void data(Node node) {
    Map<String, NodeTuple> entries = yaml.mapping(node, "'data'", DATA_KEYS);
    if (entries == null) {
      complete = false;
      return;
    }
    Node sameAs = yaml.required(entries, "same_as", node, "'data'");
    String label = sameAs == null ? null : steps.label(sameAs, "'data.same_as'");
    Node tablesNode = YamlWalker.optional(entries, "tables");
    List<String> tables = new ArrayList<>();
    if (tablesNode != null) {
      for (Node item : names(tablesNode, "'data.tables'")) {
        String table = yaml.identifier(item, "table name");
        if (table == null) {
          complete = false;
        } else {
          tables.add(table);
        }
      }
    }
    add(label == null ? null : new Expectation.Data(label, tables, yaml.at(node)));
  }

  private void constraints(Node node) {
    List<Node> items = yaml.sequence(node, "'constraints'");
    if (items == null) {
      complete = false;
      return;
    }
    for (Node item : items) {
      Map<String, NodeTuple> entries = yaml.mapping(item, "a constraint", CONSTRAINT_KINDS);
      if (entries == null || entries.size() != 1 || ((MappingNode) item).getValue().size() != 1) {
        if (entries != null && ((MappingNode) item).getValue().size() != 1) {
          yaml.problem(item, "each constraint is one key: " + String.join(", ", CONSTRAINT_KINDS));
        }
        complete = false;
        continue;
      }
      Map.Entry<String, NodeTuple> entry = entries.entrySet().iterator().next();
      Node value = entry.getValue().getValueNode();
      String text = yaml.text(value, "'" + entry.getKey() + "'");
      String target = text == null ? null : ConstraintSyntax.normalize(entry.getKey(), text);
      if (text != null && target == null) {
        yaml.problem(value, "'" + entry.getKey() + "' must look like " + ConstraintSyntax.example(entry.getKey())
            + ", found '" + text + "'");
      }
      add(target == null ? null : new Expectation.Constraint(entry.getKey(), target, yaml.at(item)));
    }
  }

  private void indexes(Node node) {
    List<Node> items = yaml.sequence(node, "'indexes'");
    if (items == null) {
      complete = false;
      return;
    }
    for (Node item : items) {
      Map<String, NodeTuple> entries = yaml.mapping(item, "an index", INDEX_KEYS);
      if (entries == null) {
        complete = false;
        continue;
      }
      Node nameNode = YamlWalker.optional(entries, "name");
      Node tableNode = YamlWalker.optional(entries, "table");
      Node columnsNode = YamlWalker.optional(entries, "columns");
      Node uniqueNode = YamlWalker.optional(entries, "unique");
      Node methodNode = YamlWalker.optional(entries, "method");
      if (nameNode == null && (tableNode == null || columnsNode == null)) {
        yaml.problem(item, "an index needs 'name', or 'table' and 'columns'");
        complete = false;
        continue;
      }
      String name = nameNode == null ? null : yaml.identifier(nameNode, "index name");
      String table = tableNode == null ? null : yaml.identifier(tableNode, "table name");
      List<String> columns = columnsNode == null ? null : yaml.strings(columnsNode, "'columns'");
      Boolean unique = null;
      if (uniqueNode != null) {
        Object flag = yaml.value(uniqueNode, "'unique'");
        if (flag instanceof Boolean b) {
          unique = b;
        } else {
          yaml.problem(uniqueNode, "'unique' must be true or false");
          complete = false;
        }
      }
      String method = methodNode == null ? null : yaml.text(methodNode, "'method'");
      boolean ok = (nameNode == null || name != null) && (tableNode == null || table != null)
          && (columnsNode == null || columns != null) && (methodNode == null || method != null);
      add(ok ? new Expectation.Index(name, table, columns, unique, method, yaml.at(item)) : null);
    }
  }

  private void add(Expectation expectation) {
    if (expectation == null) {
      complete = false;
    } else {
      expectations.add(expectation);
    }
  }
}
