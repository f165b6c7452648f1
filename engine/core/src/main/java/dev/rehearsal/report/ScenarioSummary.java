package dev.rehearsal.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The JSON summary of one scenario run, as documented in docs/reports.md. Keys are snake_case. */
@JsonPropertyOrder({"job_id", "run_id", "scenario", "name", "database", "database_kind", "database_version", "status", "passed",
    "failed_checks", "error", "time_ms", "steps"})
record ScenarioSummary(String jobId, String runId, String scenario, String name, String database,
    String databaseKind, String databaseVersion, String status, boolean passed, List<FailedCheck> failedChecks, StepError error,
    long timeMs, List<StepSummary> steps) {

  /** A check that did not hold. */
  @JsonPropertyOrder({"step", "line", "check", "expected", "actual", "diff"})
  record FailedCheck(int step, int line, String check, String expected, String actual, String diff) {}

  /** Why the scenario is {@code error}: the step that broke (0 when it could not start) and the message. */
  @JsonPropertyOrder({"step", "line", "message"})
  record StepError(int step, int line, String message) {}

  /** One step. */
  @JsonPropertyOrder({"index", "line", "step", "status", "detail", "time_ms"})
  record StepSummary(int index, int line, String step, String status, String detail, long timeMs) {}
}
