package dev.rehearsal.run;

import dev.rehearsal.database.Database;
import dev.rehearsal.scenario.Scenario;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Expands scenarios into scenario runs: each scenario once per database it names (or every database). */
public final class RunPlan {

  private RunPlan() {}

  /**
   * The runs in a stable order: by scenario file, then by the order of {@code databases}.
   *
   * @param databases the databases of this run; a scenario that names none of them is not run
   */
  public static List<ScenarioRun> of(List<Scenario> scenarios, List<Database> databases) {
    List<Scenario> sorted = new ArrayList<>(scenarios);
    sorted.sort(Comparator.comparing(Scenario::file));
    List<ScenarioRun> runs = new ArrayList<>();
    for (Scenario scenario : sorted) {
      for (Database database : databases) {
        if (scenario.databases().isEmpty() || scenario.databases().contains(database.name())) {
          runs.add(new ScenarioRun(runs.size() + 1, scenario, database));
        }
      }
    }
    return runs;
  }
}
