package dev.rehearsal.scenario;

/**
 * One item of a scenario's {@code steps:} list. Each kind is a record; the YAML key that introduces it is its
 * {@link #keyword()}, and the step registry finds the code that runs it by that key.
 */
public sealed interface Step permits ApplyStep, RollbackStep, SeedStep, SqlStep, ExpectStep, SnapshotStep,
    RoundtripStep, BackupStep, RestoreStep, RestoreFileStep, CorruptBackupStep, FailStep, RecoveryObjectiveStep {

  /** The YAML key of this step kind ({@code apply}, {@code rollback}, ...). */
  String keyword();

  /** A short, human description such as {@code apply 20250102000000} or {@code seed users.yaml}. */
  String describe();

  /** Where the step starts in its scenario file. */
  SourcePosition position();
}
