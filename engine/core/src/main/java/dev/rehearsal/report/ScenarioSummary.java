package dev.rehearsal.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The JSON summary of one scenario run, as documented in docs/reports.md. Keys are snake_case. */
@JsonPropertyOrder({"job_id", "run_id", "scenario", "name", "database", "database_kind", "database_version", "status", "passed",
    "failed_checks", "error", "time_ms", "steps", "recovery"})
record ScenarioSummary(String jobId, String runId, String scenario, String name, String database,
    String databaseKind, String databaseVersion, String status, boolean passed, List<FailedCheck> failedChecks, StepError error,
    long timeMs, List<StepSummary> steps, @JsonInclude(JsonInclude.Include.NON_NULL) RecoverySummary recovery) {

  /**
   * What the recovery took, for a run that restores a backup file or has an objective: each part's time (null for a
   * part it does not have), the total, the objective and whether it was met, and each migration's times.
   *
   * @param exceededIn the part during which the total passed the objective, else null
   */
  @JsonPropertyOrder({"backup", "restore_ms", "migrate_ms", "rollback_ms", "total_ms", "objective_ms",
      "within_objective", "exceeded_in", "migrations"})
  record RecoverySummary(BackupFile backup, Long restoreMs, long migrateMs, Long rollbackMs, long totalMs,
      Long objectiveMs, Boolean withinObjective, String exceededIn, List<MigrationTime> migrations) {}

  /** The backup file restored, as it was found and what the restore gave. */
  @JsonPropertyOrder({"file", "format", "size_bytes", "sha256", "verification", "version", "tables", "rows",
      "pending", "restore_ms"})
  record BackupFile(String file, String format, long sizeBytes, String sha256, String verification, String version,
      int tables, long rows, int pending, long restoreMs) {}

  /** One migration's time up and down (null when it did not run that way). */
  @JsonPropertyOrder({"id", "file", "up_ms", "down_ms"})
  record MigrationTime(String id, String file, Long upMs, Long downMs) {}

  /** A check that did not hold. */
  @JsonPropertyOrder({"step", "line", "check", "expected", "actual", "diff"})
  record FailedCheck(int step, int line, String check, String expected, String actual, String diff) {}

  /** Why the scenario is {@code error}: the step that broke (0 when it could not start) and the message. */
  @JsonPropertyOrder({"step", "line", "message"})
  record StepError(int step, int line, String message) {}

  /** One step; a round-trip also lists its verdicts, and counts them ({@code null} and left out otherwise). */
  @JsonPropertyOrder({"index", "line", "step", "status", "detail", "time_ms", "verdicts", "migrations", "trace"})
  record StepSummary(int index, int line, String step, String status, String detail, long timeMs,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<VerdictCount> verdicts,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<MigrationVerdict> migrations,
      @JsonInclude(JsonInclude.Include.NON_NULL) TraceSummary trace) {}

  /** How many migrations of a round-trip got one verdict ({@code accepted (baseline)} counts those accepted). */
  @JsonPropertyOrder({"verdict", "count"})
  record VerdictCount(String verdict, long count) {}

  /**
   * One migration's round-trip verdict.
   *
   * @param kind the verdict's kind, one of a fixed vocabulary ({@code passed}, {@code down fails}, ...)
   * @param verdict the verdict as shown, with its detail ({@code lossy rollback: users.bio})
   * @param baseline how it compares with the baseline: {@code accepted}, {@code unchanged}, {@code new},
   *     {@code script changed}, {@code verdict changed}, {@code recorded}; null without a baseline
   * @param line the script line it is about, 0 for none
   */
  @JsonPropertyOrder({"id", "file", "kind", "verdict", "passed", "baseline", "line", "time_ms", "diff"})
  record MigrationVerdict(String id, String file, String kind, String verdict, boolean passed, String baseline,
      int line, long timeMs, String diff) {}
}
