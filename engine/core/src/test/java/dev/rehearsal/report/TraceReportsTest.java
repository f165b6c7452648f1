package dev.rehearsal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.rehearsal.migrations.ScriptTrace;
import dev.rehearsal.run.Status;
import dev.rehearsal.run.StepResult;
import dev.rehearsal.scenario.ApplyStep;
import dev.rehearsal.scenario.LockMode;
import dev.rehearsal.scenario.SourcePosition;
import dev.rehearsal.scenario.Target;
import dev.rehearsal.steps.StepTrace;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A traced step in the terminal (80 columns, locks above ROW EXCLUSIVE only) and in the JSON summary (all). */
class TraceReportsTest {

  private static final ScriptTrace.Statement ALTER = new ScriptTrace.Statement(1, 3,
      "ALTER TABLE orders ADD COLUMN touched_at timestamptz NOT NULL DEFAULT clock_timestamp()",
      Duration.ZERO, Duration.ofMillis(4120), List.of(
          new ScriptTrace.Lock("public.orders", "table", LockMode.ACCESS_EXCLUSIVE),
          new ScriptTrace.Lock("public.a_very_long_table_name_indeed", "table", LockMode.SHARE),
          new ScriptTrace.Lock("public.customers", "table", LockMode.ROW_EXCLUSIVE)),
      List.of("public.orders"), null);
  private static final ScriptTrace.Statement CONCURRENTLY = new ScriptTrace.Statement(2, 7,
      "CREATE INDEX CONCURRENTLY orders_x ON orders (x)", Duration.ofMillis(4120), Duration.ofMillis(2), List.of(),
      List.of(), "CREATE INDEX... cannot run inside a transaction block");
  private static final StepTrace TRACE = new StepTrace(List.of(new ScriptTrace(new BigDecimal("20250107000000"),
      "20250107000000_add_touched_at_volatile.sql", false, List.of(ALTER, CONCURRENTLY), Duration.ofMillis(4200))),
      true, Map.of("public.orders", 2_000_000L), "");

  private static StepResult step(StepTrace trace) {
    return new StepResult(4, new ApplyStep(Target.id(new BigDecimal("20250107000000")), null, null, true,
        new SourcePosition("s.yaml", 9, 5)), Status.PASSED, List.of(), "1 migration applied", null,
        Duration.ofSeconds(5), List.of(), trace);
  }

  @Test
  void theTerminalShowsEachRelationLockedAboveRowExclusiveWithinEightyColumns() {
    List<String> lines = TraceLines.of(step(TRACE));
    assertEquals(List.of(
        "       up   20250107000000_add_touched_at_volatile.sql",
        "         orders         ACCESS EXCLUSIVE         4.20 s 2000000 rows  rewrite",
        "         a_very_lon...  SHARE                    4.20 s               no rewrite",
        "         untraced: line 7 'CREATE INDEX CONCURRENTLY orders_x ON orders (x)':",
        "         CREATE INDEX... cannot run inside a transaction block"), lines);
    lines.forEach(line -> assertTrue(line.length() <= 80, line));
  }

  @Test
  void aTraceOfTimesOnlySaysSoAndGivesEachScriptsTime() {
    ScriptTrace.Statement timed = new ScriptTrace.Statement(1, 3, ALTER.text(), Duration.ZERO,
        Duration.ofMillis(4120), List.of(), List.of(), null);
    StepTrace times = new StepTrace(List.of(new ScriptTrace(new BigDecimal("20250107000000"),
        "20250107000000_add_touched_at_volatile.sql", false, List.of(timed, CONCURRENTLY), Duration.ofMillis(4200))),
        false, Map.of(),
        "lock tracing is PostgreSQL's: on sqlite only each statement's time is traced");
    assertEquals(List.of(
        "       trace: lock tracing is PostgreSQL's: on sqlite only each statement's time",
        "       is traced",
        "       up   20250107000000_add_touched_at_volatile.sql 4.12 s",
        "         untraced: line 7 'CREATE INDEX CONCURRENTLY orders_x ON orders (x)':",
        "         CREATE INDEX... cannot run inside a transaction block"), TraceLines.of(step(times)));
  }

  @Test
  void theJsonCarriesEveryStatementAndEveryRelation() throws Exception {
    String json = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .writeValueAsString(TraceSummary.of(TRACE));
    assertEquals("{\"locks\":true,\"scripts\":[{\"id\":\"20250107000000\",\"script\":"
        + "\"20250107000000_add_touched_at_volatile.sql\",\"direction\":\"up\",\"committed_ms\":4200.0,"
        + "\"statements\":[{\"index\":1,\"line\":3,\"text\":\"ALTER TABLE orders ADD COLUMN touched_at timestamptz "
        + "NOT NULL DEFAULT clock_timestamp()\",\"start_ms\":0.0,\"time_ms\":4120.0,\"locks\":[{\"relation\":"
        + "\"public.orders\",\"kind\":\"table\",\"mode\":\"ACCESS EXCLUSIVE\"},{\"relation\":"
        + "\"public.a_very_long_table_name_indeed\",\"kind\":\"table\",\"mode\":\"SHARE\"},{\"relation\":"
        + "\"public.customers\",\"kind\":\"table\",\"mode\":\"ROW EXCLUSIVE\"}],\"rewrites\":[\"public.orders\"]},"
        + "{\"index\":2,\"line\":7,\"text\":\"CREATE INDEX CONCURRENTLY orders_x ON orders (x)\",\"start_ms\":4120.0,"
        + "\"time_ms\":2.0,\"locks\":[],\"rewrites\":[],\"untraced\":\"CREATE INDEX... cannot run inside a "
        + "transaction block\"}],\"relations\":[{\"relation\":\"public.orders\",\"kind\":\"table\",\"mode\":"
        + "\"ACCESS EXCLUSIVE\",\"held_ms\":4200.0,\"statement\":1,\"line\":3,\"rewritten\":true,\"rows\":2000000},"
        + "{\"relation\":\"public.a_very_long_table_name_indeed\",\"kind\":\"table\",\"mode\":\"SHARE\",\"held_ms\":"
        + "4200.0,\"statement\":1,\"line\":3,\"rewritten\":false},{\"relation\":\"public.customers\",\"kind\":"
        + "\"table\",\"mode\":\"ROW EXCLUSIVE\",\"held_ms\":4200.0,\"statement\":1,\"line\":3,\"rewritten\":false}]}]}",
        json);
  }

  @Test
  void theMarkdownSummaryHasADowntimeRiskTableOfLocksThatBlockWrites() {
    ScenarioSummary.StepSummary traced = new ScenarioSummary.StepSummary(4, 9, "apply 20250107000000", "passed",
        "1 migration applied", 5000, null, null, TraceSummary.of(TRACE));
    ScenarioSummary summary = new ScenarioSummary("job", "run", "scenarios/v.yaml", "volatile", "postgres",
        "postgres", "15", "passed", true, List.of(), null, 5000, List.of(traced), null);
    RunSummary run = new RunSummary("job", "run", "2026-12-02T00:00:00Z", "passed", true, 1,
        new RunSummary.Counts(1, 0, 0, 0), 5000, List.of(), List.of(new RunSummary.Entry("scenarios/v.yaml",
            "volatile", "postgres", "passed", 5000, "v--postgres.json")));
    String markdown = MarkdownReport.render(run, Map.of("v--postgres.json", summary));
    assertTrue(markdown.endsWith("""
        ### Downtime risk

        Locks that block writes (or reads too) in traced steps, held until each script's commit; see docs/locks.md.

        | scenario | database | script | relation | lock | blocks | held | rows | rewrite |
        | --- | --- | --- | --- | --- | --- | --- | --- | --- |
        | `scenarios/v.yaml` | postgres | `20250107000000_add_touched_at_volatile.sql` up | `public.orders` \
        | ACCESS EXCLUSIVE | reads and writes | 4.20 s | 2,000,000 | ⚠️ yes |
        | `scenarios/v.yaml` | postgres | `20250107000000_add_touched_at_volatile.sql` up \
        | `public.a_very_long_table_name_indeed` | SHARE | writes | 4.20 s |  | no |
        """), markdown);
  }
}
