package dev.rehearsal.run;

import dev.rehearsal.scenario.Allow;
import dev.rehearsal.scenario.RoundtripStep;
import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.scenario.SourcePosition;
import java.util.List;

/**
 * The scenario {@code rehearse roundtrip} runs without a scenario file: one {@code roundtrip} step on an empty
 * database, with no declared exceptions (the baseline, if any, comes with the run's options). Its name is short, so
 * that its result line fits 80 columns. Running it through the interpreter gives it the same isolation, terminal
 * lines and JSON summaries as any scenario.
 */
public final class RoundtripScenario {

  /** The name it is reported under, as if it were a file: its JSON summaries are {@code rehearse-roundtrip--DB.json}. */
  public static final String FILE = "rehearse-roundtrip";

  private RoundtripScenario() {}

  public static Scenario of(RoundtripStep.Range range) {
    return of(range, false);
  }

  /** @param trace trace the locks, rewrites and time of every up and down ({@code --trace}) */
  public static Scenario of(RoundtripStep.Range range, boolean trace) {
    SourcePosition at = SourcePosition.startOf(FILE);
    return new Scenario(FILE, "Round-trips: " + range, List.of(), List.of("roundtrip"),
        List.of(new RoundtripStep(range, Allow.NONE, null, trace, at)), Allow.NONE, at);
  }
}
