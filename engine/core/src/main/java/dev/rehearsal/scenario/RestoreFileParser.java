package dev.rehearsal.scenario;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * Parses {@code restore: {file: PATH, label: LABEL, within: 5min}}: the path is checked as far as it can be without
 * the file, which may be fetched just before the run (a nightly backup): its text, its glob, and that it stays in
 * the project unless {@code paths.allow_outside_project} allows it.
 */
final class RestoreFileParser {

  private final StepParser steps;
  private final YamlWalker yaml;

  RestoreFileParser(StepParser steps, YamlWalker yaml) {
    this.steps = steps;
    this.yaml = yaml;
  }

  RestoreFileStep restore(Node value, Map<String, NodeTuple> entries, SourcePosition at) {
    Node fileNode = entries.get("file").getValueNode();
    String file = yaml.path(fileNode, "'restore.file'");
    boolean valid = file != null && checkPath(fileNode, file);
    Node errorNode = YamlWalker.optional(entries, "expect_error");
    if (errorNode != null) {
      yaml.problem(entries.get("expect_error").getKeyNode(), "'expect_error' goes with a backup label, not with "
          + "'file' — a backup file that is refused fails the step, naming why");
      valid = false;
    }
    Node labelNode = YamlWalker.optional(entries, "label");
    String label = labelNode == null ? null : steps.defineLabel(labelNode);
    Node withinNode = YamlWalker.optional(entries, "within");
    Duration within = withinNode == null ? null : steps.budget(withinNode);
    if (!valid || (labelNode != null && label == null) || (withinNode != null && within == null)) {
      return null;
    }
    return new RestoreFileStep(file, label, within, at);
  }

  private boolean checkPath(Node node, String file) {
    if (file.isBlank()) {
      yaml.problem(node, "'restore.file' is empty — give the backup file, relative to the project root");
      return false;
    }
    String path = file.replace("{database}", "db");
    int glob = RestoreFileStep.globStart(path);
    if (glob >= 0) {
      try {
        FileSystems.getDefault().getPathMatcher("glob:" + path);
      } catch (PatternSyntaxException e) {
        yaml.problem(node, "'restore.file' is not a valid glob: " + e.getDescription() + " at character "
            + (e.getIndex() + 1) + " — write a path, or a glob such as backups/nightly/*.dump");
        return false;
      }
      if (path.substring(glob).replace('\\', '/').matches("(.*/)?\\.\\.(/.*)?")) {
        yaml.problem(node, "'restore.file' has '..' after its first wildcard — put the directories before it");
        return false;
      }
    }
    Path root = steps.context().projectRoot();
    String fixed = glob < 0 ? path : path.substring(0, Math.max(0, path.lastIndexOf('/', glob) + 1));
    Path resolved = root.resolve(fixed.isEmpty() ? "." : fixed).normalize();
    if (!resolved.startsWith(root) && !steps.context().allowOutsideProject()) {
      yaml.problem(node, "backup file '" + YamlWalker.echo(file) + "' is outside the project — copy it into the project (or allow "
          + "it with --allow-outside-project, paths.allow_outside_project: true)");
      return false;
    }
    return true;
  }
}
