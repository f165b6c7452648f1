package dev.rehearsal.run;

import dev.rehearsal.database.Database;
import dev.rehearsal.scenario.Scenario;
import java.util.Objects;

/**
 * One scenario on one database: the unit that gets its own scratch database.
 *
 * @param index 1-based position in the run, stable across runs of the same plan
 */
public record ScenarioRun(int index, Scenario scenario, Database database) {

  public ScenarioRun {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(database, "database");
  }

  /** {@code scenario-file-stem--database}, the name of its JSON summary. */
  public String id() {
    String file = scenario.file();
    String stem = file.substring(file.lastIndexOf('/') + 1).replaceFirst("\\.ya?ml$", "");
    return stem + "--" + database.name();
  }
}
