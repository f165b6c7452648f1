package dev.rehearsal.steps;

import dev.rehearsal.database.Session;
import dev.rehearsal.migrations.Outcome;
import dev.rehearsal.scenario.SnapshotStep;
import dev.rehearsal.schema.DataSnapshot;
import dev.rehearsal.schema.SchemaSnapshot;
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
      SchemaSnapshot schema = Snapshots.schema(session, changelog);
      DataSnapshot data = Snapshots.data(session, changelog, step.values());
      context.remember(new Snapshot(step.label(), version, schema, data));
      return StepOutcome.done("snapshot '" + step.label() + "' at version " + version + ": " + schema.facts().size()
          + " schema facts, " + data.tables().size() + " tables");
    }
  }
}
