package dev.rehearsal.scenario;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code restore: {file: PATH}}: restore a backup file Rehearsal did not write (an operator's nightly dump) into the
 * scenario's database, after checking it, and prove it by reading the restored database back.
 *
 * @param file the path as written, relative to the project root: a file, or a glob whose newest match is taken;
 *     {@code {database}} stands for the database's name
 * @param label names the restored state for {@code same_as} and {@code to_version_of}, or null
 * @param within a time budget for the restore, or null
 */
public record RestoreFileStep(String file, String label, Duration within, SourcePosition position) implements Step {

  public RestoreFileStep {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(position, "position");
  }

  @Override
  public String keyword() {
    return RestoreStep.KEYWORD;
  }

  @Override
  public String describe() {
    return RestoreStep.KEYWORD + " file " + file;
  }

  /** Where the first glob character (one of <code>* ? [ {</code>) of a path is, or -1 for a plain path. */
  public static int globStart(String path) {
    for (int i = 0; i < path.length(); i++) {
      if ("*?[{".indexOf(path.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
