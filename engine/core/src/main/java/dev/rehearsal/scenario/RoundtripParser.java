package dev.rehearsal.scenario;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Parses the {@code roundtrip} step and the scenario's {@code allow} key, which declares its exceptions. */
final class RoundtripParser {

  static final List<String> ROUNDTRIP_KEYS = List.of("last", "from", "to", "within", "trace");
  static final List<String> ALLOW_KEYS = List.of("irreversible", "lossy");

  private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*\\.[A-Za-z_][A-Za-z0-9_$]*");
  private static final String FORMS = "all, {last: N} or {from: ID, to: ID}";

  private final StepParser steps;
  private final YamlWalker yaml;

  RoundtripParser(StepParser steps, YamlWalker yaml) {
    this.steps = steps;
    this.yaml = yaml;
  }

  RoundtripStep roundtrip(Node value, SourcePosition at, Allow allow) {
    if (value instanceof ScalarNode scalar && !YamlWalker.isNull(value)) {
      if (!scalar.getValue().strip().equals("all")) {
        yaml.problem(value, "'roundtrip' must be " + FORMS + ", found " + YamlWalker.describe(value));
        return null;
      }
      return new RoundtripStep(new RoundtripStep.Range.All(), allow, at);
    }
    if (!(value instanceof MappingNode)) {
      yaml.problem(value, "'roundtrip' must be " + FORMS + ", found " + YamlWalker.describe(value));
      return null;
    }
    Map<String, NodeTuple> entries = yaml.mapping(value, "'roundtrip'", ROUNDTRIP_KEYS);
    if (entries == null) {
      return null;
    }
    Node withinNode = entries.containsKey("within") ? entries.remove("within").getValueNode() : null;
    java.time.Duration within = withinNode == null ? null : steps.budget(withinNode);
    if (withinNode != null && within == null) {
      return null;
    }
    Node traceNode = entries.containsKey("trace") ? entries.remove("trace").getValueNode() : null;
    Object trace = traceNode == null ? Boolean.FALSE : yaml.value(traceNode, "'roundtrip.trace'");
    if (!(trace instanceof Boolean)) {
      yaml.problem(traceNode, "'trace' is true or false, found " + YamlWalker.describe(traceNode));
      return null;
    }
    RoundtripStep step = range(value, entries, at, allow);
    return step == null ? null : new RoundtripStep(step.range(), step.allow(), within, (Boolean) trace,
        step.position());
  }

  private RoundtripStep range(Node value, Map<String, NodeTuple> entries, SourcePosition at, Allow allow) {
    if (entries.isEmpty() && !((MappingNode) value).getValue().isEmpty()) {
      return new RoundtripStep(new RoundtripStep.Range.All(), allow, at);
    }
    Node last = YamlWalker.optional(entries, "last");
    if (last != null) {
      if (entries.containsKey("from") || entries.containsKey("to")) {
        yaml.problem(last, "'roundtrip' takes either 'last' or 'from' and 'to', not both");
        return null;
      }
      return last(last, at, allow);
    }
    if (entries.isEmpty()) {
      yaml.problem(value, "'roundtrip' must be " + FORMS + ", found an empty mapping");
      return null;
    }
    Node fromNode = yaml.required(entries, "from", value, "'roundtrip'");
    Node toNode = yaml.required(entries, "to", value, "'roundtrip'");
    Target from = fromNode == null ? null : steps.target(fromNode, "'roundtrip.from'", false, false);
    Target to = toNode == null ? null : steps.target(toNode, "'roundtrip.to'", false, false);
    if (!(from instanceof Target.Id start) || !(to instanceof Target.Id end)) {
      return null;
    }
    if (start.id().compareTo(end.id()) > 0) {
      yaml.problem(fromNode, "'roundtrip.from' (" + start + ") comes after 'roundtrip.to' (" + end + ") — 'from' "
          + "names the oldest migration of the range");
      return null;
    }
    return new RoundtripStep(new RoundtripStep.Range.Between(start.id(), end.id()), allow, at);
  }

  private RoundtripStep last(Node node, SourcePosition at, Allow allow) {
    Long count = yaml.integer(node, "'roundtrip.last'", 1);
    if (count == null) {
      return null;
    }
    int total = steps.context().migrationIds().size();
    if (count > total) {
      yaml.problem(node, "'roundtrip.last' is " + count + " but the repository has " + total
          + (total == 1 ? " migration" : " migrations") + " — use " + total + " or 'roundtrip: all'");
      return null;
    }
    return new RoundtripStep(new RoundtripStep.Range.Last(count.intValue()), allow, at);
  }

  /** The {@code allow} key: {@code {irreversible: [ID...], lossy: [TABLE.COLUMN...]}}; null after a problem. */
  Allow allow(Node node) {
    Map<String, NodeTuple> entries = yaml.mapping(node, "'allow'", ALLOW_KEYS);
    if (entries == null) {
      return null;
    }
    if (entries.isEmpty()) {
      yaml.problem(node, "'allow' is empty — declare 'irreversible' migration ids or 'lossy' columns, or leave the "
          + "key out");
      return null;
    }
    Node irreversibleNode = YamlWalker.optional(entries, "irreversible");
    Node lossyNode = YamlWalker.optional(entries, "lossy");
    List<BigDecimal> irreversible = irreversibleNode == null ? List.of() : irreversible(irreversibleNode);
    List<String> lossy = lossyNode == null ? List.of() : lossy(lossyNode);
    return irreversible == null || lossy == null ? null : new Allow(irreversible, lossy);
  }

  private List<BigDecimal> irreversible(Node node) {
    List<Node> items = items(node, "'allow.irreversible'");
    if (items == null) {
      return null;
    }
    List<BigDecimal> ids = new ArrayList<>();
    boolean ok = true;
    for (Node item : items) {
      Target id = steps.target(item, "each item of 'allow.irreversible'", false, false);
      if (!(id instanceof Target.Id found)) {
        ok = false;
      } else if (ids.stream().anyMatch(i -> i.compareTo(found.id()) == 0)) {
        yaml.problem(item, "migration " + found + " is listed twice in 'allow.irreversible' — list each once");
        ok = false;
      } else {
        ids.add(found.id());
      }
    }
    return ok ? ids : null;
  }

  private List<String> lossy(Node node) {
    List<Node> items = items(node, "'allow.lossy'");
    if (items == null) {
      return null;
    }
    List<String> columns = new ArrayList<>();
    boolean ok = true;
    for (Node item : items) {
      String column = yaml.text(item, "each item of 'allow.lossy'");
      if (column == null) {
        ok = false;
      } else if (!COLUMN.matcher(column).matches()) {
        yaml.problem(item, "'" + column + "' is not TABLE.COLUMN — name each column whose values a rollback may "
            + "lose with its table, e.g. users.legacy_email");
        ok = false;
      } else if (columns.contains(column.toLowerCase(Locale.ROOT))) {
        yaml.problem(item, "'" + column + "' is listed twice in 'allow.lossy' — list each once");
        ok = false;
      } else {
        columns.add(column.toLowerCase(Locale.ROOT));
      }
    }
    return ok ? columns : null;
  }

  /** A list, or a single scalar taken as a list of one. */
  private List<Node> items(Node node, String what) {
    List<Node> items = node instanceof ScalarNode && !YamlWalker.isNull(node) ? List.of(node)
        : yaml.sequence(node, what);
    if (items != null && items.isEmpty()) {
      yaml.problem(node, what + " is empty — list at least one item or leave the key out");
      return null;
    }
    return items;
  }
}
