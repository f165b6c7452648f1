package dev.rehearsal.steps;

import dev.rehearsal.backup.BackupException;
import dev.rehearsal.backup.Backups;
import dev.rehearsal.backup.Manifest;
import dev.rehearsal.database.DatabaseException;
import dev.rehearsal.scenario.ExpectedError;
import dev.rehearsal.scenario.RestoreStep;
import dev.rehearsal.schema.Snapshot;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code restore}: verifies the backup first — checksum, a valid manifest of this database's kind, and the whole file
 * read back by the engine and matching the manifest (anything wrong is a failed check and the database is not
 * touched) — restores it into the scenario's database, then verifies the result against the manifest (version,
 * schema hash, row counts, content hashes).
 */
final class RestoreRunner implements StepRunner<RestoreStep> {

  @Override
  public String keyword() {
    return RestoreStep.KEYWORD;
  }

  @Override
  public Class<RestoreStep> stepType() {
    return RestoreStep.class;
  }

  @Override
  public StepOutcome run(RestoreStep step, StepContext context) {
    return Budget.timed(step.describe(), step.within(), () -> restore(step, context));
  }

  private StepOutcome restore(RestoreStep step, StepContext context) {
    Path file = context.backup(step.label()).orElseThrow(() -> new StepFailure("backup '" + step.label()
        + "' was not written: the step that writes it did not run or failed"));
    Manifest manifest;
    try {
      manifest = Backups.verify(file, context.database());
    } catch (BackupException e) {
      return refused(step, e.getMessage(), false);
    }
    try {
      context.database().backups().restore(file, context.scratch().location());
    } catch (DatabaseException e) {
      if (e.infrastructure()) {
        throw e;
      }
      return refused(step, e.getMessage(), true);
    }
    Snapshot restored = BackupRunner.snapshot(step.label() + " (restored)", context);
    List<String> problems = Backups.compare(manifest, restored);
    String name = "restored " + step.label() + " matches its manifest";
    Check check = problems.isEmpty()
        ? Check.passed(name, "version " + manifest.version() + ", schema and " + manifest.tables().size() + " tables",
            "the same")
        : Check.failed(name, "version " + manifest.version() + ", schema and " + manifest.tables().size() + " tables",
            problems.size() + (problems.size() == 1 ? " difference" : " differences"), String.join("\n", problems));
    if (step.expectError() != null) {
      return StepOutcome.checked(Check.failed("restore " + step.label() + " fails with "
          + step.expectError().describe(), ErrorCheck.wanted(step.expectError()), "no error: the backup was restored",
          ""), "did not fail: restored " + step.label() + " at version " + manifest.version());
    }
    return StepOutcome.checked(check, "restored " + step.label() + " at version " + manifest.version());
  }

  /** A restore that was refused before it began ({@code touched} false) or failed while it restored. */
  private static StepOutcome refused(RestoreStep step, String message, boolean touched) {
    String detail = touched ? "the restore failed" : "refused: the database was not touched";
    ExpectedError expected = step.expectError();
    if (expected == null) {
      return StepOutcome.checked(Check.failed("backup " + step.label() + " verified before restoring",
          "checksum, manifest and the file read back agree", message, ""), detail);
    }
    // A refused backup is no SQL error: only the text alternatives can match it.
    boolean matches = expected.matches(null, message);
    String name = "restore " + step.label() + " fails with " + expected.describe();
    Check check = matches ? Check.passed(name, ErrorCheck.wanted(expected), message)
        : Check.failed(name, ErrorCheck.wanted(expected), message, "");
    String what = touched ? "the restore failed" : "refused";
    return StepOutcome.checked(check, matches ? what + " as expected" + (touched ? "" : ": the database was not touched")
        : what + " with another error" + (touched ? "" : ": the database was not touched"));
  }
}
