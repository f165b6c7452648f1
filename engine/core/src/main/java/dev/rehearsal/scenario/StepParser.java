package dev.rehearsal.scenario;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Parses one item of {@code steps:}: a single-key map whose key is the step kind. */
final class StepParser {

  static final List<String> STEP_KINDS = List.of(ApplyStep.KEYWORD, RollbackStep.KEYWORD, SeedStep.KEYWORD,
      SqlStep.KEYWORD, ExpectStep.KEYWORD, SnapshotStep.KEYWORD, RoundtripStep.KEYWORD, BackupStep.KEYWORD,
      RestoreStep.KEYWORD, CorruptBackupStep.KEYWORD, FailStep.KEYWORD);
  static final List<String> APPLY_KEYS = List.of("to", "expect_error", "within", "trace");
  static final List<String> ROLLBACK_KEYS = List.of("to", "steps", "to_version_of", "expect_error", "within", "trace");
  static final List<String> SQL_KEYS = List.of("script", "expect_error");
  static final List<String> SNAPSHOT_KEYS = List.of("label", "values");
  static final List<String> RESTORE_KEYS = List.of("label", "file", "expect_error", "within");
  static final List<String> CORRUPT_BACKUP_KEYS = List.of("label", "mode");

  private static final java.util.regex.Pattern LABEL = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
  /** The longest label: labels name files ({@code backups/<label>...}) and are typed by people. */
  static final int MAX_LABEL = 100;
  private static final java.util.regex.Pattern VALUE_COLUMN =
      java.util.regex.Pattern.compile("([A-Za-z_][A-Za-z0-9_$]*\\.)?[A-Za-z_][A-Za-z0-9_$]*\\.[A-Za-z_][A-Za-z0-9_$]*");

  private final ReadContext context;
  private final YamlWalker yaml;
  private final Allow allow;
  /** Labels defined by the steps read so far, in order. */
  private final List<String> labels = new java.util.ArrayList<>();
  /** The labels among them that name backups. */
  private final List<String> backups = new java.util.ArrayList<>();

  /** @param allow the scenario's declared exceptions, which its round-trips carry */
  StepParser(ReadContext context, YamlWalker yaml, Allow allow) {
    this.context = context;
    this.yaml = yaml;
    this.allow = allow;
  }

  Step parse(Node item) {
    if (!(item instanceof MappingNode mapping) || mapping.getValue().size() != 1) {
      String found = item instanceof MappingNode m ? "a mapping with " + m.getValue().size() + " keys"
          : YamlWalker.describe(item);
      yaml.problem(item, "a step must be a single-key mapping such as '- apply: head', found " + found
          + " — put each step in its own list item");
      return null;
    }
    Node keyNode = mapping.getValue().get(0).getKeyNode();
    if (keyNode instanceof ScalarNode kind && !STEP_KINDS.contains(kind.getValue())) {
      yaml.problem(keyNode, "unknown step '" + YamlWalker.echo(kind.getValue()) + "'"
          + Hints.suggestion(kind.getValue(), STEP_KINDS));
      return null;
    }
    Map<String, NodeTuple> entries = yaml.mapping(item, "a step", STEP_KINDS);
    if (entries == null || entries.isEmpty()) {
      return null;
    }
    Map.Entry<String, NodeTuple> entry = entries.entrySet().iterator().next();
    Node value = entry.getValue().getValueNode();
    SourcePosition at = yaml.at(item);
    return switch (entry.getKey()) {
      case ApplyStep.KEYWORD -> apply(value, at);
      case RollbackStep.KEYWORD -> rollback(value, at);
      case SeedStep.KEYWORD -> new FixtureParser(context, yaml).seed(value, at);
      case SqlStep.KEYWORD -> sql(value, at);
      case ExpectStep.KEYWORD -> new ExpectParser(this, yaml).expect(value, at);
      case SnapshotStep.KEYWORD -> snapshot(value, at);
      case RoundtripStep.KEYWORD -> new RoundtripParser(this, yaml).roundtrip(value, at, allow);
      case BackupStep.KEYWORD -> backup(value, at);
      case RestoreStep.KEYWORD -> restore(value, at);
      case CorruptBackupStep.KEYWORD -> corrupt(value, at);
      case FailStep.KEYWORD -> new FailParser(this, yaml).fail(value, at);
      default -> throw new IllegalStateException("step kind without a parser: " + entry.getKey());
    };
  }

  private ApplyStep apply(Node value, SourcePosition at) {
    if (value instanceof ScalarNode) {
      Target to = target(value, "'apply'", true, false);
      return to == null ? null : new ApplyStep(to, null, at);
    }
    Map<String, NodeTuple> entries = yaml.mapping(value, "'apply'", APPLY_KEYS);
    if (entries == null) {
      return null;
    }
    Node toNode = yaml.required(entries, "to", value, "'apply'");
    Target to = toNode == null ? null : target(toNode, "'apply.to'", true, false);
    Node errorNode = YamlWalker.optional(entries, "expect_error");
    ExpectedError expectError = errorNode == null ? null : new ErrorParser(yaml).parse(errorNode, true);
    Node withinNode = YamlWalker.optional(entries, "within");
    java.time.Duration within = withinNode == null ? null : budget(withinNode);
    if (to == null || (errorNode != null && expectError == null) || (withinNode != null && within == null)) {
      return null;
    }
    Boolean trace = trace(entries);
    return trace == null ? null : new ApplyStep(to, expectError, within, trace, at);
  }

  private RollbackStep rollback(Node value, SourcePosition at) {
    if (value instanceof ScalarNode) {
      Target to = target(value, "'rollback'", false, true);
      return to == null ? null : new RollbackStep(to, null, at);
    }
    Map<String, NodeTuple> entries = yaml.mapping(value, "'rollback'", ROLLBACK_KEYS);
    if (entries == null) {
      return null;
    }
    Node toNode = YamlWalker.optional(entries, "to");
    Node stepsNode = YamlWalker.optional(entries, "steps");
    Node versionOfNode = YamlWalker.optional(entries, "to_version_of");
    Target to = null;
    if (toNode != null && stepsNode != null) {
      yaml.problem(stepsNode, "'rollback' takes either 'to' or 'steps', not both");
      return null;
    } else if (versionOfNode != null && (toNode != null || stepsNode != null)) {
      yaml.problem(versionOfNode, "'rollback' takes 'to_version_of' alone, not with 'to' or 'steps'");
      return null;
    } else if (versionOfNode != null) {
      String label = label(versionOfNode, "'rollback.to_version_of'");
      to = label == null ? null : new Target.VersionOf(label);
    } else if (toNode != null) {
      to = target(toNode, "'rollback.to'", false, true);
    } else if (stepsNode != null) {
      Long steps = yaml.integer(stepsNode, "'rollback.steps'", 1);
      to = steps == null ? null : new Target.StepsBack(steps.intValue());
    } else {
      yaml.problem(value, "'rollback' needs 'to' (an id or base), 'steps' (a count) or 'to_version_of' (a label)");
    }
    Node errorNode = YamlWalker.optional(entries, "expect_error");
    ExpectedError expectError = errorNode == null ? null : new ErrorParser(yaml).parse(errorNode, true);
    Node withinNode = YamlWalker.optional(entries, "within");
    java.time.Duration within = withinNode == null ? null : budget(withinNode);
    if (to == null || (errorNode != null && expectError == null) || (withinNode != null && within == null)) {
      return null;
    }
    Boolean trace = trace(entries);
    return trace == null ? null : new RollbackStep(to, expectError, within, trace, at);
  }

  private SqlStep sql(Node value, SourcePosition at) {
    if (value instanceof ScalarNode) {
      String script = yaml.text(value, "'sql'");
      return script == null ? null : new SqlStep(script, null, at);
    }
    Map<String, NodeTuple> entries = yaml.mapping(value, "'sql'", SQL_KEYS);
    if (entries == null) {
      return null;
    }
    Node scriptNode = yaml.required(entries, "script", value, "'sql'");
    String script = scriptNode == null ? null : yaml.text(scriptNode, "'sql.script'");
    Node errorNode = YamlWalker.optional(entries, "expect_error");
    ExpectedError expectError = errorNode == null ? null : new ErrorParser(yaml).parse(errorNode, true);
    if (script == null || (errorNode != null && expectError == null)) {
      return null;
    }
    return new SqlStep(script, expectError, at);
  }

  private SnapshotStep snapshot(Node value, SourcePosition at) {
    if (value instanceof ScalarNode) {
      String label = defineLabel(value);
      return label == null ? null : new SnapshotStep(label, List.of(), at);
    }
    Map<String, NodeTuple> entries = yaml.mapping(value, "'snapshot'", SNAPSHOT_KEYS);
    if (entries == null) {
      return null;
    }
    Node labelNode = yaml.required(entries, "label", value, "'snapshot'");
    String label = labelNode == null ? null : defineLabel(labelNode);
    Node valuesNode = YamlWalker.optional(entries, "values");
    List<String> values = new java.util.ArrayList<>();
    if (valuesNode != null) {
      List<String> names = yaml.strings(valuesNode, "'snapshot.values'");
      if (names == null) {
        return null;
      }
      for (String name : names) {
        if (name.length() > 3 * YamlWalker.MAX_NAME + 2 || !VALUE_COLUMN.matcher(name).matches()) {
          yaml.problem(valuesNode, "'" + YamlWalker.echo(name) + "' is not TABLE.COLUMN or SCHEMA.TABLE.COLUMN — "
              + "name each column with its table");
          return null;
        }
        values.add(name);
      }
    }
    return label == null ? null : new SnapshotStep(label, values, at);
  }

  private BackupStep backup(Node value, SourcePosition at) {
    String label = defineLabel(value);
    if (label == null) {
      return null;
    }
    backups.add(label);
    return new BackupStep(label, at);
  }

  private Step restore(Node value, SourcePosition at) {
    if (value instanceof ScalarNode) {
      String label = backupLabel(value, "'restore'");
      return label == null ? null : new RestoreStep(label, null, at);
    }
    Map<String, NodeTuple> entries = yaml.mapping(value, "'restore'", RESTORE_KEYS);
    if (entries == null) {
      return null;
    }
    if (entries.containsKey("file")) {
      return new RestoreFileParser(this, yaml).restore(value, entries, at);
    }
    Node labelNode = yaml.required(entries, "label", value, "'restore'");
    String label = labelNode == null ? null : backupLabel(labelNode, "'restore.label'");
    Node errorNode = YamlWalker.optional(entries, "expect_error");
    ExpectedError expectError = errorNode == null ? null : new ErrorParser(yaml).parse(errorNode, false);
    Node withinNode = YamlWalker.optional(entries, "within");
    java.time.Duration within = withinNode == null ? null : budget(withinNode);
    return label == null || (errorNode != null && expectError == null) || (withinNode != null && within == null)
        ? null : new RestoreStep(label, expectError, within, at);
  }

  private CorruptBackupStep corrupt(Node value, SourcePosition at) {
    if (value instanceof ScalarNode) {
      String label = backupLabel(value, "'corrupt_backup'");
      return label == null ? null : new CorruptBackupStep(label, false, at);
    }
    Map<String, NodeTuple> entries = yaml.mapping(value, "'corrupt_backup'", CORRUPT_BACKUP_KEYS);
    if (entries == null) {
      return null;
    }
    Node labelNode = yaml.required(entries, "label", value, "'corrupt_backup'");
    String label = labelNode == null ? null : backupLabel(labelNode, "'corrupt_backup.label'");
    Node modeNode = YamlWalker.optional(entries, "mode");
    String mode = modeNode == null ? "flip_byte" : yaml.text(modeNode, "'corrupt_backup.mode'");
    if (mode != null && !List.of("flip_byte", "truncate").contains(mode)) {
      yaml.problem(modeNode, "'corrupt_backup.mode' must be flip_byte or truncate, found '" + mode + "'");
      return null;
    }
    return label == null || mode == null ? null : new CorruptBackupStep(label, mode.equals("truncate"), at);
  }

  /** A label that an earlier {@code backup} step defined. */
  private String backupLabel(Node node, String what) {
    String label = label(node, what);
    if (label != null && !backups.contains(label)) {
      yaml.problem(node, "'" + label + "' is a snapshot, not a backup — only 'backup' steps write files to restore");
      return null;
    }
    return label;
  }

  /** A time budget such as {@code 30s}, {@code 500ms}, {@code 2min}. */
  java.time.Duration budget(Node node) {
    return budget(node, "within");
  }

  /** {@code trace: true|false}, false when absent; null after a problem. */
  private Boolean trace(Map<String, NodeTuple> entries) {
    Node node = YamlWalker.optional(entries, "trace");
    if (node == null) {
      return Boolean.FALSE;
    }
    if (yaml.value(node, "'trace'") instanceof Boolean flag) {
      return flag;
    }
    yaml.problem(node, "'trace' is true or false, found " + YamlWalker.describe(node));
    return null;
  }

  /** A duration under {@code key} ({@code within}, {@code rto}), such as {@code 30s}, {@code 500ms}, {@code 2min}. */
  java.time.Duration budget(Node node, String key) {
    String text = yaml.text(node, "'" + key + "'");
    if (text == null) {
      return null;
    }
    java.util.Optional<java.time.Duration> duration = Durations.parse(text);
    if (duration.isEmpty()) {
      yaml.problem(node, Durations.looksLikeOne(text) ? "'" + key + "' must be at least 1ms, found '" + text + "'"
          : "'" + key + "' must be a duration such as 500ms, 30s, 2min or 1h, found '" + text + "'");
      return null;
    }
    return duration.get();
  }

  /** Records a new label; a duplicate or malformed one is a problem. */
  String defineLabel(Node node) {
    String label = yaml.text(node, "a label");
    if (label == null || tooLong(node, label)) {
      return null;
    }
    if (!LABEL.matcher(label).matches()) {
      yaml.problem(node, "label '" + YamlWalker.echo(label) + "' may hold only letters, digits, '_', '-' and '.'");
      return null;
    }
    if (labels.contains(label)) {
      yaml.problem(node, "label '" + label + "' is already defined by an earlier step — give each its own label");
      return null;
    }
    labels.add(label);
    return label;
  }

  /** A label defined by an earlier step. */
  String label(Node node, String what) {
    String label = yaml.text(node, what);
    if (label == null || tooLong(node, label)) {
      return null;
    }
    if (!labels.contains(label)) {
      String hint = labels.isEmpty() ? " — take a 'snapshot: " + label + "' or 'backup: " + label
          + "' in an earlier step"
          : Hints.closest(label, labels).map(c -> " — did you mean '" + c + "'?")
              .orElse(" — labels defined before this step: " + String.join(", ", labels));
      yaml.problem(node, "unknown label '" + label + "'" + hint);
      return null;
    }
    return label;
  }

  private boolean tooLong(Node node, String label) {
    if (label.length() <= MAX_LABEL) {
      return false;
    }
    yaml.problem(node, "a label of " + label.length() + " characters — labels are at most " + MAX_LABEL
        + " characters");
    return true;
  }

  ReadContext context() {
    return context;
  }

  /** A migration id of the repository, or {@code head}/{@code base} where allowed. */
  Target target(Node node, String what, boolean allowHead, boolean allowBase) {
    String words = allowHead && allowBase ? "a migration id, head or base"
        : allowHead ? "a migration id or head" : allowBase ? "a migration id or base" : "a migration id";
    if (!(node instanceof ScalarNode scalar) || node.getTag() == Tag.NULL) {
      yaml.problem(node, what + " must be " + words + ", found " + YamlWalker.describe(node));
      return null;
    }
    String text = scalar.getValue().strip();
    if (allowHead && text.equals("head")) {
      return Target.head();
    }
    if (allowBase && text.equals("base")) {
      return Target.base();
    }
    if (!text.matches("[0-9]+")) {
      String hint = (text.equalsIgnoreCase("head") && allowHead) || (text.equalsIgnoreCase("base") && allowBase)
          ? " — write it in lower case" : "";
      yaml.problem(node, what + " must be " + words + ", found " + YamlWalker.describe(node) + hint);
      return null;
    }
    BigDecimal id = new BigDecimal(text);
    if (!context.migrationIds().contains(id)) {
      yaml.problem(node, "unknown migration id " + YamlWalker.echo(text) + unknownIdHint(text));
      return null;
    }
    return Target.id(id);
  }

  private String unknownIdHint(String text) {
    if (context.migrationIds().isEmpty()) {
      return " — the migrations repository has no scripts";
    }
    List<String> ids = context.migrationIds().stream().map(BigDecimal::toPlainString).collect(Collectors.toList());
    Optional<String> close = Hints.closest(text, ids);
    return close.map(c -> " — did you mean " + c + "?")
        .orElseGet(() -> " — the repository has " + ids.size() + " migrations, from " + ids.get(0) + " to "
            + ids.get(ids.size() - 1) + " ('rehearse list' shows them)");
  }
}
