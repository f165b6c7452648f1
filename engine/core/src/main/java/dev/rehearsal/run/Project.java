package dev.rehearsal.run;

import dev.rehearsal.config.ConfigLoader;
import dev.rehearsal.config.Constants;
import dev.rehearsal.config.ProjectException;
import dev.rehearsal.config.RehearsalConfig;
import dev.rehearsal.database.BackupTool;
import dev.rehearsal.database.Database;
import dev.rehearsal.database.Databases;
import dev.rehearsal.io.Leftovers;
import dev.rehearsal.migrations.MigrationRepository;
import dev.rehearsal.scenario.InvalidInputException;
import dev.rehearsal.scenario.Problem;
import dev.rehearsal.scenario.ReadContext;
import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.scenario.ScenarioReader;
import dev.rehearsal.scenario.SourcePosition;
import dev.rehearsal.steps.StepRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Rehearsal project: its configuration, databases and migrations repositories, wired together once for the
 * command line, tests and (later) the JUnit engine.
 */
public final class Project {

  private final RehearsalConfig config;
  private final List<Database> databases;
  private final Map<String, MigrationRepository> repositories = new HashMap<>();

  private Project(RehearsalConfig config, List<Database> databases) {
    this.config = config;
    this.databases = List.copyOf(databases);
  }

  /**
   * Opens the project at {@code root}.
   *
   * @param overrides configuration keys that win over {@code rehearsal.yaml}
   * @throws InvalidInputException when the configuration is invalid or names an unknown database kind
   */
  public static Project open(Path root, Map<String, String> overrides) {
    RehearsalConfig config = ConfigLoader.load(root, overrides);
    List<Database> databases = new ArrayList<>();
    for (RehearsalConfig.DatabaseConfig database : config.databases()) {
      try {
        databases.add(Databases.create(database));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(List.of(new Problem(SourcePosition.startOf("rehearsal.yaml"),
            e.getMessage())));
      }
    }
    return new Project(config, databases);
  }

  /**
   * The backup tool for backups of {@code kind}: that of the first configured database of the kind (its
   * {@code bin_dir}), else the engine's with its defaults.
   *
   * @throws IllegalArgumentException for a kind Rehearsal does not know
   */
  public BackupTool backupTool(String kind) {
    for (Database database : databases) {
      if (database.kind().equals(kind)) {
        return database.backups();
      }
    }
    return Databases.backupTool(kind);
  }

  /**
   * Removes the files killed runs left behind that are older than {@code olderThan}: partial backups under
   * {@code paths.backups} and temporary logs of earlier versions (see {@link Leftovers}).
   */
  public List<Leftovers.Removed> cleanFiles(Duration olderThan) {
    return Leftovers.clean(config.backupsDir(), Path.of(System.getProperty("java.io.tmpdir")), olderThan);
  }

  public RehearsalConfig config() {
    return config;
  }

  public List<Database> databases() {
    return databases;
  }

  /**
   * The configured databases with these names, in configuration order; when {@code names} is empty, the ones
   * run by default ({@code run_by_default}).
   *
   * @throws InvalidInputException for a name that is not configured
   */
  public List<Database> databases(List<String> names) {
    for (String name : names) {
      if (databases.stream().noneMatch(d -> d.name().equals(name))) {
        throw new InvalidInputException(List.of(new Problem(SourcePosition.startOf("--database " + name),
            "unknown database '" + name + "' — configured: " + String.join(", ", config.databaseNames()))));
      }
    }
    List<String> wanted = names.isEmpty() ? config.defaultDatabaseNames() : names;
    return databases.stream().filter(d -> wanted.contains(d.name())).toList();
  }

  /** The migrations repository read with the environment of {@code database}. */
  public synchronized MigrationRepository repository(Database database) {
    String environment = config.database(database.name()).orElseThrow().environment();
    return repositories.computeIfAbsent(environment, env -> {
      MigrationRepository repository = MigrationRepository.open(config.migrationsDir(), config.scriptsDirs(), env);
      for (dev.rehearsal.migrations.Migration migration : repository.migrations()) {
        if (!config.permits(migration.file())) {
          throw new dev.rehearsal.migrations.RepositoryException("script " + migration.file() + " is a link that "
              + "leads outside the project root — copy it into the repository, or pass --allow-outside-project");
        }
      }
      return repository;
    });
  }

  /**
   * The repository once for each environment that a configured database names and that has a file under
   * {@code environments/}, in configuration order: what static checks read the scripts with, since variables such as
   * {@code ${postgres_only}} change what each database runs.
   */
  public List<MigrationRepository> repositoriesByEnvironment() {
    List<MigrationRepository> found = new ArrayList<>();
    for (Database database : databases) {
      String environment = config.database(database.name()).orElseThrow().environment();
      boolean seen = found.stream().anyMatch(r -> r.environment().equals(environment));
      if (!seen && Files.isRegularFile(config.migrationsDir().resolve("environments")
          .resolve(environment + ".properties"))) {
        found.add(repository(database));
      }
    }
    return found;
  }

  /** The repository of the first configured database: the scripts are the same for every environment. */
  public MigrationRepository repository() {
    return repository(databases.get(0));
  }

  public ReadContext readContext() {
    return new ReadContext(config.projectRoot(), config.fixturesDir(), repository().ids(), config.databaseNames(),
        config.allowOutsideProject());
  }

  /**
   * The directory of {@code paths.scenarios}, which commands read when they are given no scenario files.
   *
   * @throws ProjectException when it does not exist: a project without scenarios has nothing to run
   */
  public Path scenariosDir() {
    Path dir = config.scenariosDir();
    if (!Files.isDirectory(dir)) {
      throw new ProjectException("scenarios directory " + dir + " not found — create it and write a scenario in it "
          + "('rehearse init' writes a first one), or set " + Constants.SCENARIOS + " in " + Constants.CONFIG_FILE
          + " (or --scenarios DIR) to the directory that holds the scenario files");
    }
    return dir;
  }

  /**
   * Scenario files under {@code paths} (files, or directories searched for {@code *.yaml}/{@code *.yml}); with no
   * paths, those of {@link #scenariosDir()}.
   */
  public List<Path> scenarioFiles(List<Path> paths) {
    List<Path> roots = paths.isEmpty() ? List.of(scenariosDir()) : paths;
    List<Path> files = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (Path root : roots) {
      if (Files.isDirectory(root)) {
        try (Stream<Path> walk = Files.walk(root)) {
          walk.filter(Files::isRegularFile)
              .filter(p -> p.getFileName().toString().matches("(?s).*\\.ya?ml"))
              .sorted().forEach(files::add);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      } else if (Files.isRegularFile(root)) {
        files.add(root);
      } else {
        problems.add(new Problem(SourcePosition.startOf(root.toString()),
            "no such file or directory — give scenario files or directories"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return files;
  }

  /**
   * Reads and validates every file; problems of all files are collected.
   *
   * @throws InvalidInputException with the problems of every invalid file
   */
  public List<Scenario> readScenarios(List<Path> files) {
    ScenarioReader reader = new ScenarioReader(readContext());
    List<Scenario> scenarios = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (Path file : files) {
      try {
        scenarios.add(reader.read(file));
      } catch (InvalidInputException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return scenarios;
  }

  /** Runs scenarios on the given databases and reports to {@code listener}. */
  public RunResult run(String runId, List<Scenario> scenarios, List<Database> on, RunOptions options,
      RunListener listener) {
    return interpreter(options).run(runId, RunPlan.of(scenarios, on), listener);
  }

  /** The interpreter of this project's scenarios, with the built-in steps. */
  public Interpreter interpreter(RunOptions options) {
    return new Interpreter(this::repository, StepRegistry.standard(), options, config.projectRoot(),
        config.allowOutsideProject(), config.backupsDir());
  }

  /** Runs scenarios with default options, keeping scratch databases when {@code keep}. */
  public RunResult run(String runId, List<Scenario> scenarios, List<Database> on, boolean keep,
      RunListener listener) {
    return run(runId, scenarios, on, new RunOptions(keep, false), listener);
  }
}
