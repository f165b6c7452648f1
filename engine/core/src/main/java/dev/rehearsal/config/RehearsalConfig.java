package dev.rehearsal.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The project's settings after {@code rehearsal.yaml} and overrides, with every path absolute.
 *
 * @param databases the databases scenarios run on by default, in the order configured
 * @param baselineFile the accepted round-trip verdicts ({@code paths.baseline})
 */
public record RehearsalConfig(Path projectRoot, Path migrationsDir, List<Path> scriptsDirs, Path scenariosDir,
    Path fixturesDir, Path reportsDir, Path backupsDir, List<DatabaseConfig> databases, boolean allowOutsideProject,
    Path baselineFile) {

  public RehearsalConfig {
    Objects.requireNonNull(projectRoot, "projectRoot");
    Objects.requireNonNull(migrationsDir, "migrationsDir");
    scriptsDirs = List.copyOf(scriptsDirs);
    Objects.requireNonNull(scenariosDir, "scenariosDir");
    Objects.requireNonNull(fixturesDir, "fixturesDir");
    Objects.requireNonNull(reportsDir, "reportsDir");
    Objects.requireNonNull(backupsDir, "backupsDir");
    databases = List.copyOf(databases);
    Objects.requireNonNull(baselineFile, "baselineFile");
  }

  /** The same configuration, with the baseline at its default place. */
  public RehearsalConfig(Path projectRoot, Path migrationsDir, List<Path> scriptsDirs, Path scenariosDir,
      Path fixturesDir, Path reportsDir, Path backupsDir, List<DatabaseConfig> databases, boolean allowOutsideProject) {
    this(projectRoot, migrationsDir, scriptsDirs, scenariosDir, fixturesDir, reportsDir, backupsDir, databases,
        allowOutsideProject, projectRoot.resolve(Constants.DEFAULT_BASELINE));
  }

  /** The same configuration, with paths held inside the project root. */
  public RehearsalConfig(Path projectRoot, Path migrationsDir, List<Path> scriptsDirs, Path scenariosDir,
      Path fixturesDir, Path reportsDir, Path backupsDir, List<DatabaseConfig> databases) {
    this(projectRoot, migrationsDir, scriptsDirs, scenariosDir, fixturesDir, reportsDir, backupsDir, databases, false);
  }

  /**
   * Whether {@code path} is inside the project root, following symbolic links of the parts that exist; always true
   * when paths outside are allowed.
   */
  public boolean permits(Path path) {
    return allowOutsideProject || PathSafety.inside(projectRoot, path);
  }

  public List<String> databaseNames() {
    return databases.stream().map(DatabaseConfig::name).toList();
  }

  public Optional<DatabaseConfig> database(String name) {
    return databases.stream().filter(d -> d.name().equals(name)).findFirst();
  }

  /** The databases {@code rehearse run} uses when no {@code --database} is given. */
  public List<String> defaultDatabaseNames() {
    return databases.stream().filter(DatabaseConfig::runByDefault).map(DatabaseConfig::name).toList();
  }

  /**
   * One configured database.
   *
   * @param settings every {@code databases.NAME.*} key given, e.g. {@code url}; each kind reads its own
   */
  public record DatabaseConfig(String name, String kind, String environment, boolean runByDefault,
      Map<String, String> settings) {
    public DatabaseConfig {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(environment, "environment");
      settings = Map.copyOf(settings);
    }

    /** A setting, or {@code fallback} when not given. */
    public String setting(String key, String fallback) {
      return settings.getOrDefault(key, fallback);
    }
  }
}
