package dev.rehearsal.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The project's settings after {@code rehearsal.yaml} and overrides, with every path absolute.
 *
 * @param databases the databases scenarios run on by default, in the order configured
 */
public record RehearsalConfig(Path projectRoot, Path migrationsDir, List<Path> scriptsDirs, Path scenariosDir,
    Path fixturesDir, Path reportsDir, Path backupsDir, List<DatabaseConfig> databases) {

  public RehearsalConfig {
    Objects.requireNonNull(projectRoot, "projectRoot");
    Objects.requireNonNull(migrationsDir, "migrationsDir");
    scriptsDirs = List.copyOf(scriptsDirs);
    Objects.requireNonNull(scenariosDir, "scenariosDir");
    Objects.requireNonNull(fixturesDir, "fixturesDir");
    Objects.requireNonNull(reportsDir, "reportsDir");
    Objects.requireNonNull(backupsDir, "backupsDir");
    databases = List.copyOf(databases);
  }

  public List<String> databaseNames() {
    return databases.stream().map(DatabaseConfig::name).toList();
  }

  public Optional<DatabaseConfig> database(String name) {
    return databases.stream().filter(d -> d.name().equals(name)).findFirst();
  }

  /** One configured database. */
  public record DatabaseConfig(String name, String kind, String environment) {
    public DatabaseConfig {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(environment, "environment");
    }
  }
}
