package dev.rehearsal.steps;

import dev.rehearsal.migrations.ScriptTrace;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The trace of one {@code apply} or {@code rollback} with {@code trace: true}, or of a traced round-trip: every
 * script it ran, statement by statement.
 *
 * @param locks whether locks and rewrites were read (PostgreSQL), not only times
 * @param rows the rows of each table that took a lock stronger than ROW EXCLUSIVE, counted after the step
 * @param note what the trace could not do here, for people (empty when nothing)
 */
public record StepTrace(List<ScriptTrace> scripts, boolean locks, Map<String, Long> rows, String note) {

  public StepTrace {
    scripts = List.copyOf(scripts);
    rows = Map.copyOf(rows);
    Objects.requireNonNull(note, "note");
  }
}
