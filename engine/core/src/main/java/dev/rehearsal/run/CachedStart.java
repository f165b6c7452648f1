package dev.rehearsal.run;

import dev.rehearsal.database.Database;
import dev.rehearsal.database.ScratchDatabase;
import dev.rehearsal.migrations.Migration;
import dev.rehearsal.migrations.MigrationFailedException;
import dev.rehearsal.migrations.MigrationRepository;
import dev.rehearsal.scenario.ApplyStep;
import dev.rehearsal.scenario.Step;
import dev.rehearsal.scenario.Target;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * A scenario run that starts from a cached migrated state: its first step, a plain {@code apply: X}, is done by
 * copying the state at X, and reported as done with this detail.
 */
record CachedStart(ScratchDatabase scratch, String detail, Duration time) {

  /**
   * The cached start of {@code run}, or null when its first step is not a plain apply (an apply expected to fail,
   * or with a time budget, or in a scenario with a recovery objective, must really run), the migration to X fails
   * (then the step runs and reports it), or the state at X cannot be copied exactly.
   */
  static CachedStart of(ScenarioRun run, Database database, MigrationRepository repository, StateCache cache,
      String label) {
    List<Step> steps = run.scenario().steps();
    // A scenario with a recovery objective times its migrations: its first apply runs, as it would in a recovery.
    if (steps.isEmpty() || !(steps.get(0) instanceof ApplyStep apply) || apply.expectError() != null
        || apply.trace()
        || apply.within() != null || repository.migrations().isEmpty()
        || steps.stream().anyMatch(s -> s instanceof dev.rehearsal.scenario.RecoveryObjectiveStep)) {
      return null;
    }
    List<Migration> migrations = repository.migrations();
    BigDecimal version = apply.to() instanceof Target.Id id ? id.id() : migrations.get(migrations.size() - 1).id();
    long t0 = System.nanoTime();
    ScratchDatabase scratch;
    try {
      scratch = cache.scratchAt(database, repository, version, label);
    } catch (MigrationFailedException e) {
      return null;
    }
    if (scratch == null) {
      return null;
    }
    long count = migrations.stream().filter(m -> m.id().compareTo(version) <= 0).count();
    return new CachedStart(scratch, count + (count == 1 ? " migration" : " migrations") + " applied (copied from the "
        + "state cached for this run), now at version " + version.toPlainString(),
        Duration.ofNanos(System.nanoTime() - t0));
  }
}
