package dev.rehearsal.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The JSON summary of a whole run, as documented in docs/reports.md. */
@JsonPropertyOrder({"job_id", "run_id", "started_at", "status", "passed", "total", "counts", "time_ms",
    "leftovers", "scenarios"})
record RunSummary(String jobId, String runId, String startedAt, String status, boolean passed, int total,
    Counts counts, long timeMs, List<String> leftovers, List<Entry> scenarios) {

  /** A summary read from a file written before {@code leftovers} existed has none. */
  RunSummary {
    leftovers = leftovers == null ? List.of() : List.copyOf(leftovers);
  }

  /** Scenario runs per status. */
  @JsonPropertyOrder({"passed", "failed", "error", "interrupted"})
  record Counts(long passed, long failed, long error, long interrupted) {}

  /** One scenario run and the file of its own summary. */
  @JsonPropertyOrder({"scenario", "name", "database", "status", "time_ms", "summary"})
  record Entry(String scenario, String name, String database, String status, long timeMs, String summary) {}
}
