package dev.rehearsal.steps;

import dev.rehearsal.migrations.Migration;
import dev.rehearsal.scenario.ApplyStep;
import dev.rehearsal.scenario.RestoreFileStep;
import dev.rehearsal.scenario.RestoreStep;
import dev.rehearsal.scenario.RollbackStep;
import dev.rehearsal.scenario.Step;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adds up what a scenario run's recovery takes ({@link Recovery}) as its steps finish. The recovery starts at the
 * first restore: what steps did before it (the setting up of the rehearsal) is forgotten then.
 */
public final class RecoveryClock {

  private RestoredBackup backup;
  private Duration restore;
  private Duration migrate = Duration.ZERO;
  private Duration rollback;
  private final Map<String, Recovery.MigrationTime> migrations = new LinkedHashMap<>();
  private boolean restored;

  /** A restore step is about to run: the first one starts the recovery. */
  public synchronized void restoreStarting() {
    if (!restored) {
      restored = true;
      backup = null;
      restore = null;
      migrate = Duration.ZERO;
      rollback = null;
      migrations.clear();
    }
  }

  /** A step finished after {@code time}: restore, apply and rollback steps count. */
  public synchronized void stepFinished(Step step, Duration time) {
    if (step instanceof RestoreStep || step instanceof RestoreFileStep) {
      restore = restore == null ? time : restore.plus(time);
    } else if (step instanceof ApplyStep) {
      migrate = migrate.plus(time);
    } else if (step instanceof RollbackStep) {
      rollback = rollback == null ? time : rollback.plus(time);
    }
  }

  /** What a backup file restore gave; the first one is the recovery's backup. */
  synchronized void restored(RestoredBackup restoredBackup) {
    if (backup == null) {
      backup = restoredBackup;
    }
  }

  /** A migration's up in an apply step (the step's time counts). */
  synchronized void up(Migration migration, Duration time) {
    Recovery.MigrationTime known = migrations.get(key(migration));
    migrations.put(key(migration), new Recovery.MigrationTime(migration.id().toPlainString(), migration.fileName(),
        time, known == null ? null : known.down()));
  }

  /** A migration's first up in a round-trip: it counts, and its round-trip does not. */
  synchronized void roundtripUp(Migration migration, Duration time) {
    up(migration, time);
    migrate = migrate.plus(time);
  }

  /** A migration's undo in a rollback step (the step's time counts). */
  synchronized void down(Migration migration, Duration time) {
    Recovery.MigrationTime known = migrations.get(key(migration));
    migrations.put(key(migration), new Recovery.MigrationTime(migration.id().toPlainString(), migration.fileName(),
        known == null ? null : known.up(), time));
  }

  /**
   * The recovery so far, against {@code objective} (null for none); its times in whole milliseconds, so that the
   * parts add up to the total as reports show them.
   */
  public synchronized Recovery figures(Duration objective) {
    return new Recovery(backup, millis(restore), millis(migrate), millis(rollback), migrations.values().stream()
        .map(m -> new Recovery.MigrationTime(m.id(), m.file(), millis(m.up()), millis(m.down()))).toList(),
        objective);
  }

  private static Duration millis(Duration time) {
    return time == null ? null : Duration.ofMillis(time.toMillis());
  }

  private static String key(Migration migration) {
    return migration.id().toPlainString();
  }
}
