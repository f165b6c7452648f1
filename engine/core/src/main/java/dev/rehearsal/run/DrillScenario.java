package dev.rehearsal.run;

import dev.rehearsal.scenario.Allow;
import dev.rehearsal.scenario.ExpectStep;
import dev.rehearsal.scenario.Expectation;
import dev.rehearsal.scenario.RecoveryObjectiveStep;
import dev.rehearsal.scenario.RestoreFileStep;
import dev.rehearsal.scenario.RollbackStep;
import dev.rehearsal.scenario.RoundtripStep;
import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.scenario.SourcePosition;
import dev.rehearsal.scenario.Step;
import dev.rehearsal.scenario.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The scenario {@code rehearse drill FILE} runs without a scenario file: restore the backup (checked, and read back),
 * round-trip every pending migration from the restored state (the staircase, on the restored rows: its first ups are
 * the migration a recovery would run), roll back to the restored version, and find the restored schema and data
 * again; with an objective, the recovery's time is checked last. Run through the interpreter, it has the isolation,
 * terminal lines and JSON summaries of any scenario, and the restored rows stay out of its reports.
 */
public final class DrillScenario {

  /** The name it is reported under, as if it were a file: its JSON summaries are {@code rehearse-drill--DB.json}. */
  public static final String FILE = "rehearse-drill";
  /** The label of the restored state. */
  public static final String RESTORED = "restored";

  private DrillScenario() {}

  /**
   * @param backup the backup file, as the restore step takes it (relative to the project root, or absolute)
   * @param shown the file as people gave it, for the scenario's name
   * @param objective the recovery time objective, or null
   * @param written the objective as given ({@code 30min}), or null
   */
  public static Scenario of(String backup, String shown, Duration objective, String written) {
    SourcePosition at = SourcePosition.startOf(FILE);
    List<Step> steps = new ArrayList<>(List.of(new RestoreFileStep(backup, RESTORED, null, at),
        new RoundtripStep(new RoundtripStep.Range.All(), Allow.NONE, at),
        new RollbackStep(new Target.VersionOf(RESTORED), null, at),
        new ExpectStep(List.of(new Expectation.Schema(RESTORED, null, at), new Expectation.Data(RESTORED, List.of(),
            at)), at)));
    if (objective != null) {
      steps.add(new RecoveryObjectiveStep(objective, written, at));
    }
    return new Scenario(FILE, "Recovery drill: " + shown, List.of(), List.of("drill"), steps, Allow.NONE, at);
  }
}
