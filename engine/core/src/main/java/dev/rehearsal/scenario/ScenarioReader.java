package dev.rehearsal.scenario;

import dev.rehearsal.config.PathSafety;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads and validates scenario files. Every problem of a file is collected and reported together as
 * {@code file:line:col: message}; a file with any problem yields no scenario.
 */
public final class ScenarioReader {

  static final List<String> TOP_LEVEL_KEYS = List.of("scenario", "databases", "tags", "allow", "rto", "steps");

  private final ReadContext context;

  public ScenarioReader(ReadContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  /**
   * Reads one scenario file.
   *
   * @throws InvalidInputException with every problem found, when the file is not a valid scenario
   */
  public Scenario read(Path file) {
    String shown = context.shown(file);
    List<Problem> problems = new ArrayList<>();
    if (!context.allowOutsideProject() && PathSafety.linkLeadsOut(context.projectRoot(), file)) {
      throw new InvalidInputException(List.of(new Problem(SourcePosition.startOf(shown), "a symbolic link that "
          + "leads outside the project (or nowhere) — it is not read; copy the scenario into the project, or "
          + "pass --allow-outside-project")));
    }
    Node root = YamlSource.load(file, shown, problems);
    Scenario scenario = root == null ? null : parse(root, new YamlWalker(shown, problems));
    if (!problems.isEmpty()) {
      // Problems of YAML fixtures carry their own file: keep each file's problems together, the scenario's first.
      problems.sort(Comparator.comparing((Problem p) -> !p.position().file().equals(shown))
          .thenComparing(p -> p.position().file())
          .thenComparingInt(p -> p.position().line())
          .thenComparingInt(p -> p.position().column()));
      throw new InvalidInputException(problems);
    }
    return scenario;
  }

  private Scenario parse(Node root, YamlWalker yaml) {
    if (!looksLikeAScenario(root)) {
      // Not a scenario at all (a credentials file, a config file given by mistake): say so without repeating it.
      yaml.problem(root, "not a scenario file: its top level is " + YamlWalker.kind(root) + " without any of the keys "
          + String.join(", ", TOP_LEVEL_KEYS) + " — its content is not shown; a scenario is a mapping with "
          + "'scenario' and 'steps'");
      return null;
    }
    Map<String, NodeTuple> entries = yaml.mapping(root, "a scenario file", TOP_LEVEL_KEYS);
    if (entries == null) {
      return null;
    }
    Node nameNode = yaml.required(entries, "scenario", root, "a scenario file");
    String name = nameNode == null ? null : yaml.text(nameNode, "'scenario'");
    List<String> databases = parseDatabases(YamlWalker.optional(entries, "databases"), yaml);
    Node tagsNode = YamlWalker.optional(entries, "tags");
    List<String> tags = tagsNode == null ? List.of() : yaml.strings(tagsNode, "'tags'");
    Node allowNode = YamlWalker.optional(entries, "allow");
    Allow allow = allowNode == null ? Allow.NONE : parseAllow(allowNode, yaml);
    Node stepsNode = yaml.required(entries, "steps", root, "a scenario file");
    List<Step> steps = stepsNode == null ? null
        : parseSteps(stepsNode, yaml, allow == null ? Allow.NONE : allow);
    Node rtoNode = YamlWalker.optional(entries, "rto");
    java.time.Duration rto = rtoNode == null ? null : new StepParser(context, yaml, Allow.NONE).budget(rtoNode, "rto");
    if (rto != null && steps != null) {
      // Checked as a last step, so every report shows it where steps are shown, with the times it adds up.
      steps.add(new RecoveryObjectiveStep(rto, yaml.text(rtoNode, "'rto'").strip(),
          yaml.at(entries.get("rto").getKeyNode())));
    }
    if (allowNode != null && steps != null && steps.stream().noneMatch(s -> s instanceof RoundtripStep)) {
      yaml.problem(entries.get("allow").getKeyNode(), "'allow' declares exceptions for round-trips, and this "
          + "scenario has no 'roundtrip' step — add one, or remove 'allow'");
    }
    if (name == null || databases == null || tags == null || allow == null || steps == null
        || (rtoNode != null && rto == null)) {
      return null;
    }
    return new Scenario(yaml.file(), name, databases, tags, steps, allow, yaml.at(root));
  }

  /** A mapping with at least one top-level key, or a near miss of one (a typo deserves its hint). */
  private static boolean looksLikeAScenario(Node root) {
    return root instanceof MappingNode mapping && mapping.getValue().stream()
        .map(NodeTuple::getKeyNode)
        .anyMatch(key -> key instanceof ScalarNode scalar && (TOP_LEVEL_KEYS.contains(scalar.getValue())
            || Hints.closest(scalar.getValue(), TOP_LEVEL_KEYS).isPresent()));
  }

  private Allow parseAllow(Node node, YamlWalker yaml) {
    return new RoundtripParser(new StepParser(context, yaml, Allow.NONE), yaml).allow(node);
  }

  private List<String> parseDatabases(Node node, YamlWalker yaml) {
    if (node == null) {
      return List.of();
    }
    List<Node> items = yaml.sequence(node, "'databases'");
    if (items == null) {
      return null;
    }
    List<String> names = new ArrayList<>();
    for (Node item : items) {
      String name = yaml.text(item, "each item of 'databases'");
      if (name == null) {
        continue;
      }
      if (!context.databases().contains(name)) {
        yaml.problem(item, "unknown database '" + YamlWalker.echo(name) + "'" + Hints.suggestion(name, context.databases()));
      } else if (names.contains(name)) {
        yaml.problem(item, "database '" + name + "' is listed twice — list each database once");
      } else {
        names.add(name);
      }
    }
    if (items.isEmpty()) {
      yaml.problem(node, "'databases' is empty — list at least one database or leave the key out");
    }
    return names;
  }

  private List<Step> parseSteps(Node node, YamlWalker yaml, Allow allow) {
    List<Node> items = yaml.sequence(node, "'steps'");
    if (items == null) {
      return null;
    }
    if (items.isEmpty()) {
      yaml.problem(node, "'steps' is empty — a scenario needs at least one step");
    }
    StepParser steps = new StepParser(context, yaml, allow);
    List<Step> parsed = new ArrayList<>();
    for (Node item : items) {
      Step step = steps.parse(item);
      if (step != null) {
        parsed.add(step);
      }
    }
    return parsed;
  }
}
