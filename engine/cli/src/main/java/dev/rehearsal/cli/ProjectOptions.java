package dev.rehearsal.cli;

import dev.rehearsal.config.Constants;
import dev.rehearsal.config.ProjectLocator;
import dev.rehearsal.run.Project;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Where the project is and how its configuration is overridden; shared by every command that opens a project.
 * The project directory itself is the top command's {@code --project-dir}, inherited by every subcommand.
 */
final class ProjectOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(names = {"-c", "--config"}, paramLabel = "KEY=VALUE",
      description = "Override a rehearsal.yaml key, e.g. paths.scenarios=other (repeatable).")
  Map<String, String> config = new LinkedHashMap<>();

  @Option(names = "--migrations", paramLabel = "DIR", description = "MyBatis repository (paths.migrations).")
  String migrations;

  @Option(names = "--scripts", paramLabel = "DIR[,DIR...]",
      description = "Scripts directories inside the repository (paths.scripts).")
  String scripts;

  @Option(names = "--scenarios", paramLabel = "DIR", description = "Scenario directory (paths.scenarios).")
  String scenarios;

  @Option(names = "--fixtures", paramLabel = "DIR", description = "Fixture directory (paths.fixtures).")
  String fixtures;

  @Option(names = "--reports", paramLabel = "DIR", description = "Where JSON summaries go (paths.reports).")
  String reports;

  @Option(names = "--allow-outside-project",
      description = "Let migrations, fixtures, backups and golden files lie outside the project root "
          + "(paths.allow_outside_project).")
  boolean allowOutsideProject;

  @Option(names = "--postgres-url", paramLabel = "JDBC-URL",
      description = "PostgreSQL server to create scratch databases on (databases.postgres.url; also "
          + "REHEARSAL_POSTGRES_URL). Default: " + Constants.DEFAULT_POSTGRES_URL)
  String postgresUrl;

  Project open() {
    return Project.open(root(), overrides());
  }

  /** The rehearsal.yaml keys the options override, in order of precedence (later wins). */
  Map<String, String> overrides() {
    Map<String, String> overrides = new LinkedHashMap<>();
    put(overrides, Constants.DATABASES_PREFIX + Constants.POSTGRES + "." + Constants.DATABASE_URL,
        System.getenv(Constants.POSTGRES_URL_VARIABLE));
    overrides.putAll(config);
    put(overrides, Constants.MIGRATIONS, absolute(migrations));
    put(overrides, Constants.SCRIPTS, scripts);
    put(overrides, Constants.SCENARIOS, absolute(scenarios));
    put(overrides, Constants.FIXTURES, absolute(fixtures));
    put(overrides, Constants.REPORTS, absolute(reports));
    put(overrides, Constants.DATABASES_PREFIX + Constants.POSTGRES + "." + Constants.DATABASE_URL, postgresUrl);
    if (allowOutsideProject) {
      overrides.put(Constants.ALLOW_OUTSIDE_PROJECT, "true");
    }
    return overrides;
  }

  /**
   * The project root: {@code --project-dir}, else the nearest directory at or above the working directory with a
   * {@code rehearsal.yaml}; never the installation.
   *
   * @throws dev.rehearsal.config.ProjectException when there is none (exit code 2, nothing run)
   */
  Path root() {
    return ProjectLocator.locate(projectDir(), Path.of("").toAbsolutePath(), "--project-dir");
  }

  /** The directory given with {@code --project-dir}/{@code -C}, before or after the subcommand, or null. */
  Path projectDir() {
    return ((RehearseCommand) command.root().userObject()).projectDir;
  }

  /** Paths typed on the command line are relative to the working directory, not the project root. */
  private static String absolute(String path) {
    return path == null ? null : Path.of(path).toAbsolutePath().normalize().toString();
  }

  private static void put(Map<String, String> overrides, String key, String value) {
    if (value != null) {
      overrides.put(key, value);
    }
  }
}
