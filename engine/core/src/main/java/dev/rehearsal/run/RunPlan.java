package dev.rehearsal.run;

import dev.rehearsal.database.Database;
import dev.rehearsal.scenario.Scenario;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
          runs.add(new ScenarioRun(0, scenario, database));
        }
      }
    }
    return number(runs);
  }

  /**
   * The same runs, in the same order, numbered from 1 and named so that no two share an id: a run is named after its
   * file's stem ({@code refund--sqlite}) unless another file of the plan has the same stem in another directory;
   * then both are named after their whole path ({@code scenarios.billing.refund--sqlite}).
   */
  public static List<ScenarioRun> number(List<ScenarioRun> runs) {
    Map<String, Set<String>> filesByStem = new HashMap<>();
    for (ScenarioRun run : runs) {
      String file = run.scenario().file();
      filesByStem.computeIfAbsent(ScenarioRun.stem(file), s -> new HashSet<>()).add(file);
    }
    List<ScenarioRun> numbered = new ArrayList<>();
    for (ScenarioRun run : runs) {
      String file = run.scenario().file();
      String stem = ScenarioRun.stem(file);
      String name = filesByStem.get(stem).size() == 1 ? stem : pathName(file);
      numbered.add(new ScenarioRun(numbered.size() + 1, run.scenario(), run.database(),
          name + "--" + run.database().name()));
    }
    return numbered;
  }

  /** {@code scenarios/billing/refund.yaml} as {@code scenarios.billing.refund}: a file name without directories. */
  private static String pathName(String file) {
    String path = file.replace('\\', '/').replaceFirst("^(\\./)+", "").replaceFirst("^/+", "");
    return path.replaceFirst("\\.ya?ml$", "").replaceAll("[^A-Za-z0-9._-]+", ".");
  }
}
