package dev.rehearsal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which project a command works on: {@code --project-dir}/{@code -C} before or after the subcommand, else the
 * nearest {@code rehearsal.yaml} at or above the working directory, and never anything else.
 */
class ProjectDiscoveryTest {

  private static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();

  @TempDir
  Path dir;

  private TempProject projectWithOneScenario() {
    TempProject project = new TempProject(dir.resolve("project"));
    project.scenario("authors.yaml", "scenario: Authors can be created\nsteps:\n  - apply: " + TempProject.AUTHORS
        + "\n");
    return project;
  }

  @Test
  void theProjectDirectoryIsAcceptedBeforeAndAfterTheSubcommandInBothSpellings() {
    TempProject project = projectWithOneScenario();

    for (List<String> args : List.of(List.of("-C", project.dir(), "run"), List.of("--project-dir", project.dir(),
        "run"), List.of("run", "-C", project.dir()), List.of("run", "--project-dir=" + project.dir()))) {
      Cli cli = Cli.run(args.toArray(String[]::new));

      assertEquals(0, cli.exitCode(), args + "\n" + cli.out() + cli.err());
      assertTrue(cli.out().contains("PASS   sqlite   scenarios/authors.yaml"), args + "\n" + cli.out());
    }
  }

  @Test
  void aDirectoryWithoutRehearsalYamlIsNotAProject() {
    Path bare = dir.resolve("bare");
    new TempProject(bare);
    Cli cli = Cli.run("-C", dir.toString(), "list");

    assertEquals(new Cli(2, "", "error: --project-dir " + dir + ": " + dir + " has no rehearsal.yaml — run "
        + "'rehearse init " + dir + "' to set it up, or name the directory that holds rehearsal.yaml\n"), cli);
    assertEquals(new Cli(2, "", "error: --project-dir " + dir.resolve("none") + ": " + dir.resolve("none")
        + " is not a directory — name the directory that holds rehearsal.yaml\n"),
        Cli.run("status", "--db", "x.sqlite", "-C", dir.resolve("none").toString()));
  }

  @Test
  void aMissingScenariosDirectoryIsInvalidInputThatNamesThePathAndTheKey() throws IOException {
    TempProject project = new TempProject(dir.resolve("project"));
    Files.delete(project.root.resolve("scenarios/.keep"));
    Files.delete(project.root.resolve("scenarios"));

    for (String command : List.of("run", "validate", "list")) {
      Cli cli = Cli.run(command, "-C", project.dir());

      assertEquals(new Cli(2, cli.out(), "error: scenarios directory " + project.root.resolve("scenarios")
          + " not found — create it and write a scenario in it ('rehearse init' writes a first one), or set "
          + "paths.scenarios in rehearsal.yaml (or --scenarios DIR) to the directory that holds the scenario "
          + "files\n"), cli, command);
    }
    assertEquals(false, Files.exists(project.root.resolve("reports")), "no report is written");
  }

  /**
   * Run where no rehearsal.yaml is above the working directory, as the launcher of an installation or a clone
   * would start it (with the variable the clone's launcher used to set): nothing runs and nothing is written,
   * neither there nor in the installation.
   */
  @Test
  void withoutAProjectNothingRunsAndNoReportIsWrittenAnywhere() throws Exception {
    Path cwd = Files.createDirectory(dir.resolve("not-a-project"));
    for (Path above = cwd; above != null; above = above.getParent()) {
      assumeTrue(!Files.exists(above.resolve("rehearsal.yaml")), "a rehearsal.yaml above " + cwd + ": " + above);
    }
    List<Path> reportsBefore = files(REPOSITORY.resolve("artifacts"));

    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run").directory(cwd.toFile());
    builder.environment().putAll(Map.of("REHEARSAL_HOME", REPOSITORY.toString()));
    builder.redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
    Process process = builder.start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));

    assertEquals(2, process.exitValue());
    assertEquals("", Files.readString(dir.resolve("out.txt")));
    assertEquals("error: no rehearsal.yaml in " + cwd + " or any directory above it, so there is no project to "
        + "rehearse — run 'rehearse init' in your MyBatis repository to set one up, or name the project with "
        + "--project-dir DIR\n", Files.readString(dir.resolve("err.txt")));
    assertEquals(List.of(cwd), files(cwd), "nothing is written where it ran");
    assertEquals(reportsBefore, files(REPOSITORY.resolve("artifacts")), "nothing is written into the clone");
  }

  private static List<Path> files(Path root) throws IOException {
    if (!Files.exists(root)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.sorted().toList();
    }
  }
}
