package dev.rehearsal.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads {@code expect_error}: a text the message must contain, {@code {class: CLASS, message: TEXT}} (message
 * optional), or a list of those, any of which will do.
 */
final class ErrorParser {

  static final List<String> KEYS = List.of("class", "message");

  private final YamlWalker yaml;

  ErrorParser(YamlWalker yaml) {
    this.yaml = yaml;
  }

  /**
   * @param classes whether error classes may be named (not for {@code restore}, which fails before any SQL runs)
   * @return the expectation, or null after recording the problems
   */
  ExpectedError parse(Node node, boolean classes) {
    if (node instanceof SequenceNode sequence) {
      if (sequence.getValue().isEmpty()) {
        yaml.problem(node, "'expect_error' must list at least one error");
        return null;
      }
      List<ExpectedError.Alternative> alternatives = new ArrayList<>();
      boolean ok = true;
      for (Node item : sequence.getValue()) {
        ExpectedError.Alternative alternative = item instanceof SequenceNode
            ? nested(item) : alternative(item, classes, "each item of 'expect_error'");
        ok &= alternative != null;
        alternatives.add(alternative);
      }
      return ok ? new ExpectedError(alternatives) : null;
    }
    ExpectedError.Alternative alternative = alternative(node, classes, "'expect_error'");
    return alternative == null ? null : new ExpectedError(List.of(alternative));
  }

  private ExpectedError.Alternative nested(Node item) {
    yaml.problem(item, "each item of 'expect_error' must be a text or {class: ...}, found a list");
    return null;
  }

  private ExpectedError.Alternative alternative(Node node, boolean classes, String what) {
    if (!(node instanceof MappingNode)) {
      if (!(node instanceof ScalarNode) || YamlWalker.isNull(node)) {
        yaml.problem(node, what + " must be a text, {class: ...} or a list of them, found "
            + YamlWalker.describe(node));
        return null;
      }
      String text = yaml.text(node, what);
      return text == null ? null : new ExpectedError.Alternative(null, text);
    }
    if (!classes) {
      yaml.problem(node, what + " of 'restore' must be a text: a backup is refused before any SQL runs, so its "
          + "errors have no class");
      return null;
    }
    Map<String, NodeTuple> entries = yaml.mapping(node, what, KEYS);
    if (entries == null) {
      return null;
    }
    Node classNode = yaml.required(entries, "class", node, what);
    ErrorClass errorClass = classNode == null ? null : errorClass(classNode);
    Node messageNode = YamlWalker.optional(entries, "message");
    String message = messageNode == null ? null : yaml.text(messageNode, "'expect_error.message'");
    if (errorClass == null || (messageNode != null && message == null)) {
      return null;
    }
    return new ExpectedError.Alternative(errorClass, message);
  }

  private ErrorClass errorClass(Node node) {
    String label = yaml.text(node, "'expect_error.class'");
    if (label == null) {
      return null;
    }
    return ErrorClass.of(label).orElseGet(() -> {
      yaml.problem(node, "unknown error class '" + label + "'" + Hints.suggestion(label, ErrorClass.labels())
          + " (docs/scenarios.md lists them)");
      return null;
    });
  }
}
