package dev.rehearsal.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.rehearsal.migrations.ScriptTrace;
import dev.rehearsal.steps.StepTrace;
import java.time.Duration;
import java.util.List;

/**
 * The whole trace of a traced step in the JSON summary: every script, every statement with its line, time, locks
 * taken and rewrites, and per relation the strongest lock and how long it was held until commit.
 *
 * @param locks whether locks and rewrites were read (PostgreSQL) or only times
 */
@JsonPropertyOrder({"locks", "note", "scripts"})
record TraceSummary(boolean locks, @JsonInclude(JsonInclude.Include.NON_EMPTY) String note, List<Script> scripts) {

  @JsonPropertyOrder({"id", "script", "direction", "committed_ms", "statements", "relations"})
  record Script(String id, String script, String direction, Double committedMs, List<Statement> statements,
      List<Relation> relations) {}

  @JsonPropertyOrder({"index", "line", "text", "start_ms", "time_ms", "locks", "rewrites", "untraced"})
  record Statement(int index, int line, String text, double startMs, double timeMs, List<Lock> locks,
      List<String> rewrites, @JsonInclude(JsonInclude.Include.NON_NULL) String untraced) {}

  @JsonPropertyOrder({"relation", "kind", "mode"})
  record Lock(String relation, String kind, String mode) {}

  /** @param rows the table's rows after the step (tables locked above ROW EXCLUSIVE only), else null */
  @JsonPropertyOrder({"relation", "kind", "mode", "held_ms", "statement", "line", "rewritten", "rows"})
  record Relation(String relation, String kind, String mode, Double heldMs, int statement, int line,
      boolean rewritten, @JsonInclude(JsonInclude.Include.NON_NULL) Long rows) {}

  static TraceSummary of(StepTrace trace) {
    if (trace == null) {
      return null;
    }
    return new TraceSummary(trace.locks(), trace.note(), trace.scripts().stream().map(script -> new Script(
        script.id().toPlainString(), script.script(), script.undo() ? "down" : "up", ms(script.committedAt()),
        script.statements().stream().map(s -> new Statement(s.index(), s.line(), s.text(), ms(s.start()),
            ms(s.time()), s.took().stream().map(l -> new Lock(l.relation(), l.kind(), l.mode().shown())).toList(),
            s.rewrote(), s.untraced())).toList(),
        script.holds().stream().map(h -> new Relation(h.relation(), h.kind(), h.mode().shown(), ms(h.held()),
            h.statement().index(), h.statement().line(), h.rewritten(), trace.rows().get(h.relation()))).toList()))
        .toList());
  }

  /** Milliseconds with a tenth of a millisecond: statements take well under one. */
  private static Double ms(Duration time) {
    return time == null ? null : Math.round(time.toNanos() / 100_000.0) / 10.0;
  }
}
