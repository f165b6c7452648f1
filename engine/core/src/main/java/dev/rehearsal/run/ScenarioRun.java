package dev.rehearsal.run;

import dev.rehearsal.database.Database;
import dev.rehearsal.scenario.Scenario;
import java.util.Objects;

/**
 * One scenario on one database: the unit that gets its own scratch database.
 *
 * @param index 1-based position in the run, stable across runs of the same plan
 * @param id {@code name--database}, the name of its JSON summary and backups directory, unique in its plan (see
 *     {@link RunPlan#number})
 */
public record ScenarioRun(int index, Scenario scenario, Database database, String id) {

  public ScenarioRun {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(id, "id");
  }

  /** A run named after its file's stem: {@code scenario-file-stem--database}. */
  public ScenarioRun(int index, Scenario scenario, Database database) {
    this(index, scenario, database, stem(scenario.file()) + "--" + database.name());
  }

  /** The file name without its directories and its {@code .yaml}/{@code .yml} extension. */
  static String stem(String file) {
    return file.substring(file.lastIndexOf('/') + 1).replaceFirst("\\.ya?ml$", "");
  }
}
