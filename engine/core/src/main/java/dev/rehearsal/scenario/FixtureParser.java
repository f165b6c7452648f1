package dev.rehearsal.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Parses {@code seed:} and the fixture files it names. YAML fixtures are read and checked here, so their problems
 * are reported with the fixture file's own line and column; CSV and SQL files are checked to exist and read when
 * the step runs.
 */
final class FixtureParser {

  private final ReadContext context;
  private final YamlWalker yaml;

  static final List<String> SEED_KEYS = List.of("file", "table", "rows", "generate");

  FixtureParser(ReadContext context, YamlWalker yaml) {
    this.context = context;
    this.yaml = yaml;
  }

  SeedStep seed(Node value, SourcePosition at) {
    if (value instanceof ScalarNode) {
      String name = yaml.path(value, "'seed'");
      SeedStep.Fixture fixture = name == null ? null : file(value, name, null);
      return fixture == null ? null : new SeedStep(fixture, at);
    }
    Map<String, NodeTuple> entries = yaml.mapping(value, "'seed'", SEED_KEYS);
    if (entries == null) {
      return null;
    }
    Node fileNode = YamlWalker.optional(entries, "file");
    Node tableNode = YamlWalker.optional(entries, "table");
    Node rowsNode = YamlWalker.optional(entries, "rows");
    Node generateNode = YamlWalker.optional(entries, "generate");
    if (generateNode != null) {
      if (entries.size() > 1) {
        yaml.problem(value, "'seed' takes 'generate' alone — name the table inside it");
        return null;
      }
      SeedStep.Generate generate = new GenerateParser(yaml).generate(generateNode);
      return generate == null ? null : new SeedStep(generate, at);
    }
    if ((fileNode == null) == (rowsNode == null)) {
      yaml.problem(value, "'seed' takes either 'file' (a fixture file), 'rows' (inline rows) or 'generate' "
          + "(rows made in the database)");
      return null;
    }
    if (rowsNode != null) {
      if (tableNode != null) {
        yaml.problem(tableNode, "'table' goes with a CSV 'file' — under 'rows', name the tables as keys");
        return null;
      }
      List<TableRows> tables = rows(rowsNode, yaml, "'rows'");
      return tables == null ? null : new SeedStep(new SeedStep.Rows(tables, "inline rows"), at);
    }
    String name = yaml.path(fileNode, "'seed.file'");
    String table = tableNode == null ? null : yaml.identifier(tableNode, "'seed.table'");
    if (name == null || (tableNode != null && table == null)) {
      return null;
    }
    SeedStep.Fixture fixture = file(fileNode, name, table == null ? null : tableNode);
    return fixture == null ? null : new SeedStep(fixture, at);
  }

  private SeedStep.Fixture file(Node node, String name, Node tableNode) {
    Path fixtures = context.fixturesDir();
    Path file = fixtures.resolve(name).normalize();
    if (!file.startsWith(fixtures)) {
      yaml.problem(node, "fixture '" + name + "' is outside " + context.shown(fixtures)
          + " — keep fixture files in the fixtures directory");
      return null;
    }
    if (!Files.isRegularFile(file)) {
      yaml.problem(node, "fixture file '" + name + "' not found in " + context.shown(fixtures)
          + Hints.closest(name, siblings(file)).map(c -> " — did you mean '" + c + "'?").orElse(""));
      return null;
    }
    try {
      if (!file.toRealPath().startsWith(fixtures.toRealPath())) {
        yaml.problem(node, "fixture '" + name + "' is a link that leads outside " + context.shown(fixtures)
            + " — copy the file into the fixtures directory");
        return null;
      }
    } catch (IOException e) {
      yaml.problem(node, "cannot read fixture '" + name + "' (" + e.getMessage() + ")");
      return null;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    String shown = context.shown(file);
    if (tableNode != null && !lower.endsWith(".csv")) {
      yaml.problem(tableNode, "'table' applies only to CSV fixtures — YAML fixtures name their tables inside");
      return null;
    }
    if (lower.endsWith(".sql")) {
      return new SeedStep.SqlFile(file, shown);
    }
    if (lower.endsWith(".csv")) {
      String table = tableNode != null ? ((ScalarNode) tableNode).getValue() : tableFromFileName(node, file);
      return table == null ? null : new SeedStep.CsvFile(file, shown, table);
    }
    if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
      return yamlFile(file, shown);
    }
    yaml.problem(node, "fixture '" + name + "' has an unknown kind — use .sql, .csv, .yaml or .yml");
    return null;
  }

  private String tableFromFileName(Node node, Path file) {
    String fileName = file.getFileName().toString();
    String table = fileName.substring(0, fileName.length() - ".csv".length());
    if (!table.matches("[A-Za-z_][A-Za-z0-9_$]*")) {
      yaml.problem(node, "cannot take a table name from '" + fileName
          + "' — name the file after the table or add 'table:'");
      return null;
    }
    return table;
  }

  private SeedStep.Fixture yamlFile(Path file, String shown) {
    List<Problem> fileProblems = new ArrayList<>();
    Node root = YamlSource.load(file, shown, fileProblems);
    YamlWalker fixtureYaml = new YamlWalker(shown, fileProblems);
    if (root != null && !looksLikeAFixture(root)) {
      // Not a fixture at all (a config or credentials file): say so without repeating any of it.
      fixtureYaml.problem(root, "not a YAML fixture: its top level is " + YamlWalker.kind(root) + " with no list of "
          + "rows — its content is not shown; a fixture maps each table to a list of rows");
      root = null;
    }
    List<TableRows> tables = root == null ? null : rows(root, fixtureYaml, "a YAML fixture");
    for (Problem problem : fileProblems) {
      yaml.problem(problem);
    }
    return tables == null || !fileProblems.isEmpty() ? null : new SeedStep.Rows(tables, shown, file);
  }

  /** A mapping with at least one list that is empty or holds a mapping: a table with its rows. */
  private static boolean looksLikeAFixture(Node root) {
    return root instanceof MappingNode mapping && mapping.getValue().stream().map(NodeTuple::getValueNode)
        .anyMatch(value -> value instanceof SequenceNode list && (list.getValue().isEmpty()
            || list.getValue().stream().anyMatch(MappingNode.class::isInstance)));
  }

  /** A mapping of table name to a list of rows, each row a mapping of column name to value. */
  static List<TableRows> rows(Node node, YamlWalker yaml, String what) {
    Map<String, NodeTuple> tables = yaml.mapping(node, what, null);
    if (tables == null) {
      return null;
    }
    List<TableRows> result = new ArrayList<>();
    boolean complete = true;
    for (NodeTuple tuple : tables.values()) {
      String table = yaml.identifier(tuple.getKeyNode(), "table name");
      List<Node> rowNodes = yaml.sequence(tuple.getValueNode(), "the rows of '" + table + "'");
      if (table == null || rowNodes == null) {
        complete = false;
        continue;
      }
      List<TableRows.Row> rows = new ArrayList<>();
      for (Node rowNode : rowNodes) {
        Map<String, NodeTuple> columns = yaml.mapping(rowNode, "a row of '" + table + "'", null);
        if (columns == null) {
          complete = false;
          continue;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (NodeTuple column : columns.values()) {
          String name = yaml.column(column.getKeyNode(), "column name");
          Object value = yaml.value(column.getValueNode(), "the value of '" + name + "'");
          if (name == null || (value == null && !YamlWalker.isNull(column.getValueNode()))) {
            complete = false;
            continue;
          }
          values.put(name, value);
        }
        if (values.isEmpty() && columns.isEmpty()) {
          yaml.problem(rowNode, "a row of '" + table + "' has no columns — give at least one column: value");
          complete = false;
          continue;
        }
        rows.add(new TableRows.Row(values, yaml.at(rowNode)));
      }
      result.add(new TableRows(table, rows));
    }
    return complete ? result : null;
  }

  private static List<String> siblings(Path file) {
    try (var files = Files.list(file.getParent())) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }
}
