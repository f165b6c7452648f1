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
 * The project directory itself is the top command's {@code --project-dir}, inherited by every subcommand. The
 * subclasses add the options only some commands use: {@link ScratchOptions} those of the commands that run
 * scenarios in scratch databases, {@link OperatorOptions} those of the commands on a database the operator names.
 */
abstract class ProjectOptions {

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

  @Option(names = "--allow-outside-project",
      description = "Let the paths of rehearsal.yaml and what they point to (migrations, fixtures, backups, golden "
          + "files) lie outside the project root (paths.allow_outside_project).")
  boolean allowOutsideProject;

  /** The option {@code --postgres-url}, described for what the command does on the server. */
  abstract String postgresUrl();

  /** Puts the {@code paths.*} keys of the options only this kind of command has. */
  void putPaths(Map<String, String> overrides) {}

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
    putPaths(overrides);
    put(overrides, Constants.DATABASES_PREFIX + Constants.POSTGRES + "." + Constants.DATABASE_URL, postgresUrl());
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
  static String absolute(String path) {
    return path == null ? null : Path.of(path).toAbsolutePath().normalize().toString();
  }

  static void put(Map<String, String> overrides, String key, String value) {
    if (value != null) {
      overrides.put(key, value);
    }
  }
}
