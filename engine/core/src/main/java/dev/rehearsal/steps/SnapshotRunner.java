package dev.rehearsal.steps;

import dev.rehearsal.database.Session;
import dev.rehearsal.migrations.Outcome;
import dev.rehearsal.scenario.SnapshotStep;
import dev.rehearsal.schema.Snapshot;
import dev.rehearsal.schema.Snapshots;

/** {@code snapshot}: remembers the schema and data fingerprints under a label. */
final class SnapshotRunner implements StepRunner<SnapshotStep> {

  @Override
  public String keyword() {
    return SnapshotStep.KEYWORD;
  }

  @Override
  public Class<SnapshotStep> stepType() {
    return SnapshotStep.class;
  }

  @Override
  public StepOutcome run(SnapshotStep step, StepContext context) {
    String version = Outcome.show(context.migrator().version());
    String changelog = context.repository().changelogTable();
    try (Session session = context.session()) {
      Snapshot snapshot;
      try {
        snapshot = Snapshots.take(session, changelog, step.label(), version, step.values());
      } catch (Snapshots.MissingColumnException e) {
        throw new StepFailure(e.getMessage() + " — name an existing column, or take the snapshot after the step "
            + "that creates it", e);
      }
      context.remember(snapshot);
      return StepOutcome.done("snapshot '" + step.label() + "' at version " + version + ": "
          + snapshot.schema().facts().size() + " schema facts, " + snapshot.data().tables().size() + " tables");
    }
  }
}
