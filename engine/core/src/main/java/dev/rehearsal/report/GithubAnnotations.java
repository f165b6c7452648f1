package dev.rehearsal.report;

import dev.rehearsal.run.RunListener;
import dev.rehearsal.run.ScenarioRun;
import dev.rehearsal.steps.Verdict;
import java.nio.file.Path;
import java.util.Map;

/**
 * Under GitHub Actions, each failing round-trip verdict is also a workflow command {@code ::error
 * file=...,line=...,title=...::message}, which GitHub shows on that line of the script in the pull request's diff:
 * the undo marker for a rollback that leaves a trace, loses data or fails, the failing statement for an up or
 * re-apply that fails. Verdicts the baseline accepts are not annotated.
 *
 * @see <a href="https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions">workflow
 *     commands</a>
 */
public final class GithubAnnotations implements RunListener {

  /** Set to {@code true} by GitHub Actions in every step. */
  public static final String VARIABLE = "GITHUB_ACTIONS";

  /** How many lines of the diff go into an annotation; the job log has all of it. */
  private static final int DIFF_LINES = 12;

  private final LiveLine line;
  private final Path root;

  /**
   * @param root annotation paths are relative to it: the checkout ({@code GITHUB_WORKSPACE}), which GitHub resolves
   *     them against
   */
  public GithubAnnotations(LiveLine line, Path root) {
    this.line = line;
    this.root = root.toAbsolutePath().normalize();
  }

  /** True when the environment is a GitHub Actions step. */
  public static boolean enabled(Map<String, String> environment) {
    return "true".equals(environment.get(VARIABLE));
  }

  /** The directory annotation paths are relative to: {@code GITHUB_WORKSPACE}, else {@code projectRoot}. */
  public static Path root(Map<String, String> environment, Path projectRoot) {
    String workspace = environment.get("GITHUB_WORKSPACE");
    return workspace == null || workspace.isBlank() ? projectRoot : Path.of(workspace);
  }

  @Override
  public void migrationChecked(ScenarioRun run, Verdict verdict) {
    if (verdict.check().passed()) {
      return;
    }
    Path file = verdict.migration().file().toAbsolutePath().normalize();
    String shown = (file.startsWith(root) ? root.relativize(file) : file).toString().replace('\\', '/');
    StringBuilder command = new StringBuilder("::error file=").append(property(shown));
    if (verdict.line() > 0) {
      command.append(",line=").append(verdict.line());
    }
    command.append(",title=").append(property("rehearse roundtrip on " + run.database().name() + ": "
        + verdict.text()));
    String diff = String.join("\n", verdict.check().diff().lines().limit(DIFF_LINES).toList());
    command.append("::").append(data(verdict.check().name() + ": " + verdict.text() + (diff.isEmpty() ? ""
        : "\n" + diff)));
    line.println(command.toString());
  }

  /**
   * The message of a workflow command, escaped as GitHub's toolkit escapes it: {@code %}, CR and LF; other control
   * characters are escaped the same way, so none reaches the log.
   */
  static String data(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      if (c == '%' || c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
        out.append(String.format("%%%02X", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }

  /** A property of a workflow command ({@code file=}, {@code title=}): as {@link #data}, and {@code :}, {@code ,}. */
  static String property(String text) {
    return data(text).replace(":", "%3A").replace(",", "%2C");
  }
}
