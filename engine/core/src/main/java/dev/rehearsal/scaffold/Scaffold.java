package dev.rehearsal.scaffold;

import dev.rehearsal.config.Constants;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code rehearse init}: sets Rehearsal up in a MyBatis repository (or a new one) — {@code rehearsal.yaml} with
 * what was found, a first scenario on the repository's own ids, the scenario JSON Schema beside it,
 * {@code fixtures/}, a GitHub Actions workflow and the {@code .gitignore} lines. It never overwrites a file.
 */
public final class Scaffold {

  /** Where the scenario JSON Schema is copied to, relative to the project; scenarios name it from beside it. */
  public static final String SCHEMA = Constants.DEFAULT_SCENARIOS + "/scenario.schema.json";
  /** The first scenario. */
  public static final String SCENARIO = Constants.DEFAULT_SCENARIOS + "/first-rollback.yaml";
  /** The workflow, relative to the git repository's root. */
  public static final String WORKFLOW = ".github/workflows/rehearsal.yml";
  /** The lines {@code .gitignore} must have: reports and backups are output. */
  public static final List<String> IGNORED = List.of("artifacts/", "backups/");

  private Scaffold() {}

  /**
   * What {@code init} is told about the installation it runs from.
   *
   * @param action the GitHub Action the workflow uses, {@code owner/repository@ref}
   * @param version the Rehearsal version the action installs
   */
  public record Installation(String action, String version) {
    public Installation {
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(version, "version");
    }
  }

  /**
   * What {@code init} did.
   *
   * @param found the findings, one per line
   * @param created whether the MyBatis repository itself was written, none being there
   * @param written files written, relative to the project (or absolute when outside it)
   * @param left files that were there already and were left as they were
   * @param warnings what the user should change before the first run
   */
  public record Result(Path project, List<String> found, boolean created, List<String> written, List<String> left,
      List<String> warnings) {
    public Result {
      found = List.copyOf(found);
      written = List.copyOf(written);
      left = List.copyOf(left);
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * Sets up the project in {@code dir}, creating the directory if needed.
   *
   * @throws UncheckedIOException when a file cannot be read or written
   */
  public static Result init(Path dir, Installation installation, Instant now) {
    Path project = dir.toAbsolutePath().normalize();
    ProjectWriter writer = new ProjectWriter(project);
    Optional<MybatisLayout> existing = LayoutFinder.find(createDirectories(project));
    boolean created = existing.isEmpty();
    if (created) {
      NewRepository.files(now).forEach(writer::write);
    }
    MybatisLayout layout = existing.or(() -> LayoutFinder.find(project)).orElseThrow();
    List<String> warnings = warnings(project, layout);
    writer.write(Constants.CONFIG_FILE, ConfigText.render(project, layout));
    String scenario = ScenarioText.render(layout.scripts(), Path.of(SCHEMA).getFileName().toString());
    if (scenario == null) {
      warnings.add("no migration script yet, so no first scenario: write one, then run 'rehearse init' again");
    } else {
      writer.write(SCENARIO, scenario);
    }
    String schema = schema();
    if (!writer.write(SCHEMA, schema) && !schema.equals(read(project.resolve(SCHEMA)))) {
      warnings.add(SCHEMA + " is not this version's schema: delete it and run 'rehearse init' again to update it");
    }
    if (Files.isDirectory(project.resolve(Constants.DEFAULT_FIXTURES))) {
      writer.leave(Constants.DEFAULT_FIXTURES + "/");
    } else {
      // git keeps no empty directory: the file keeps fixtures/ until the first fixture is written.
      writer.write(Constants.DEFAULT_FIXTURES + "/.gitkeep", "");
    }
    Path repository = gitRoot(project);
    writer.write(repository.resolve(WORKFLOW), WorkflowText.render(installation.action(), installation.version(),
        layout.postgresEnvironment().isPresent(), Paths.relative(repository, project)));
    writer.ignore(project.resolve(".gitignore"), IGNORED);
    return new Result(project, ConfigText.found(project, layout), created, writer.written(), writer.left(),
        warnings);
  }

  private static List<String> warnings(Path project, MybatisLayout layout) {
    List<String> warnings = new ArrayList<>();
    EnvironmentFile sqlite = layout.sqliteEnvironment();
    for (EnvironmentFile environment : layout.environments()) {
      if (environment.autoCommit() && (environment == sqlite
          || layout.postgresEnvironment().filter(e -> e == environment).isPresent())) {
        warnings.add(Paths.relative(project, environment.file()) + " sets auto_commit=true, which Rehearsal "
            + "refuses (MyBatis Migrations 3.5.0 cannot run it in-process): remove it, or name another "
            + "environment in rehearsal.yaml");
      }
    }
    for (Path other : layout.others()) {
      warnings.add("also found a MyBatis repository in " + Paths.shown(project, other) + "; rehearsal.yaml uses "
          + Paths.shown(project, layout.root()) + " (change paths.migrations to use the other)");
    }
    return warnings;
  }

  /** The nearest directory at or above the project with {@code .git}; the project itself when there is none. */
  static Path gitRoot(Path project) {
    for (Path dir = project; dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve(".git"))) {
        return dir;
      }
    }
    return project;
  }

  private static String schema() {
    try (InputStream in = Scaffold.class.getResourceAsStream("scenario.schema.json")) {
      if (in == null) {
        throw new IllegalStateException("scenario.schema.json is missing from the jar: the build copies it from "
            + "docs/");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static Path createDirectories(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
    }
  }
}
