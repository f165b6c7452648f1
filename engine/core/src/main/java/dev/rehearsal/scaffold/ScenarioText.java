package dev.rehearsal.scaffold;

import java.util.List;

/**
 * The first scenario {@code init} writes, with the repository's own ids: apply the second-to-last migration, take
 * a snapshot, apply the last, roll back one, and expect the version and the schema back.
 */
final class ScenarioText {

  /** The label of the snapshot the rollback is compared with. */
  static final String LABEL = "before-newest";

  private ScenarioText() {}

  /** The scenario, or null when the repository has no migration to roll back. */
  static String render(List<Script> scripts, String schemaFile) {
    if (scripts.isEmpty()) {
      return null;
    }
    Script newest = scripts.get(scripts.size() - 1);
    Script before = scripts.size() > 1 ? scripts.get(scripts.size() - 2) : null;
    String newestId = newest.id().toPlainString();
    StringBuilder text = new StringBuilder()
        .append("# yaml-language-server: $schema=").append(schemaFile).append('\n')
        .append("# Written by 'rehearse init': rolling back the newest migration must give back exactly the\n")
        .append("# schema before it. Next, seed rows (fixtures/) before the migration and check them after the\n")
        .append("# rollback; Rehearsal's docs/scenarios.md has every step and expectation.\n")
        .append("scenario: ").append(text("Rolling back " + newestId + " (" + words(newest) + ") gives back the "
            + "schema"))
        .append('\n')
        .append("tags: [rollback]\n")
        .append("steps:\n");
    if (before != null) {
      text.append(step("  - apply: " + before.id().toPlainString(), "the one before the newest: "
          + before.fileName()));
    }
    text.append(step("  - snapshot: " + LABEL, "the schema and data at this point"))
        .append(step("  - apply: " + newestId, "the newest migration"))
        .append("  - expect:\n")
        .append("      version: ").append(newestId).append('\n')
        .append(step("  - rollback: {steps: 1}", "its undo section"))
        .append("  - expect:\n")
        .append("      version: ").append(before == null ? "base" : before.id().toPlainString()).append('\n')
        .append("      schema: {same_as: ").append(LABEL).append("}\n");
    return text.toString();
  }

  /** The words of the file name after the id, as MyBatis shows them: {@code add order status}. */
  private static String words(Script script) {
    String name = script.fileName();
    return name.substring(name.indexOf('_') + 1, name.length() - ".sql".length()).replace('_', ' ');
  }

  /** Plain when YAML reads it back as the same text, else double-quoted. */
  static String text(String value) {
    boolean plain = !value.contains(": ") && !value.contains(" #") && value.matches("[A-Za-z0-9].*")
        && value.chars().allMatch(c -> c >= ' ' && c != '"' && c != '\\');
    return plain ? value : '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private static String step(String yaml, String comment) {
    return yaml + " ".repeat(Math.max(1, 34 - yaml.length())) + "# " + comment + "\n";
  }
}
