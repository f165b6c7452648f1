package dev.rehearsal.scenario;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/** Parses {@code fail: {migration: ID, at_statement: N, direction: up|down, mode: error|disconnect|after_commit}}. */
final class FailParser {

  static final List<String> KEYS = List.of("migration", "at_statement", "direction", "mode");
  private static final List<String> MODES = List.of("error", "disconnect", "after_commit");

  private final StepParser steps;
  private final YamlWalker yaml;

  FailParser(StepParser steps, YamlWalker yaml) {
    this.steps = steps;
    this.yaml = yaml;
  }

  FailStep fail(Node value, SourcePosition at) {
    Map<String, NodeTuple> entries = yaml.mapping(value, "'fail'", KEYS);
    if (entries == null) {
      return null;
    }
    Node migrationNode = yaml.required(entries, "migration", value, "'fail'");
    Target migration = migrationNode == null ? null : steps.target(migrationNode, "'fail.migration'", false, false);
    Node modeNode = YamlWalker.optional(entries, "mode");
    String modeText = modeNode == null ? "error" : yaml.text(modeNode, "'fail.mode'");
    if (modeText != null && !MODES.contains(modeText)) {
      yaml.problem(modeNode, "'fail.mode' must be one of " + String.join(", ", MODES) + ", found '" + modeText
          + "'" + Hints.closest(modeText, MODES).map(c -> " — did you mean '" + c + "'?").orElse(""));
      modeText = null;
    }
    Node directionNode = YamlWalker.optional(entries, "direction");
    String direction = directionNode == null ? "up" : yaml.text(directionNode, "'fail.direction'");
    if (direction != null && !direction.equals("up") && !direction.equals("down")) {
      yaml.problem(directionNode, "'fail.direction' must be up or down, found '" + direction + "'");
      direction = null;
    }
    Node statementNode = YamlWalker.optional(entries, "at_statement");
    Long statement = null;
    if ("after_commit".equals(modeText)) {
      if (statementNode != null) {
        yaml.problem(statementNode, "'at_statement' does not apply to mode after_commit — the failure comes after "
            + "the whole script committed");
        return null;
      }
      if ("down".equals(direction)) {
        yaml.problem(directionNode, "mode after_commit simulates a lost changelog row after an up; use it with "
            + "direction up");
        return null;
      }
    } else if (modeText != null) {
      if (statementNode == null) {
        yaml.problem(value, "'fail' needs 'at_statement' (the 1-based statement of the script that fails)");
        return null;
      }
      statement = yaml.integer(statementNode, "'fail.at_statement'", 1);
    }
    if (migration == null || modeText == null || direction == null
        || (!"after_commit".equals(modeText) && statement == null)) {
      return null;
    }
    FailStep.Mode mode = FailStep.Mode.valueOf(modeText.toUpperCase(Locale.ROOT));
    return new FailStep(((Target.Id) migration).id(), statement == null ? 0 : statement.intValue(),
        direction.equals("down"), mode, at);
  }
}
