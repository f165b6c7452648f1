package dev.rehearsal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paths that rehearsal.yaml or a scenario points outside the project root: refused, unless --allow-outside-project
 * says so, and then honoured by run (which goes through the JUnit engine) as by the other commands.
 */
class OutsideProjectPathsTest {

  @TempDir
  Path dir;

  private TempProject project;
  private Path outside;

  @BeforeEach
  void projectWithItsBackupsOutside() {
    project = new TempProject(dir.resolve("project"));
    outside = dir.resolve("elsewhere");
    project.write("rehearsal.yaml", "paths:\n  reports: reports\n  backups: " + outside.resolve("backups") + "\n");
  }

  @Test
  void aBackupsDirectoryOutsideTheProjectIsRefusedWithoutTheFlag() {
    project.scenario("authors.yaml", "scenario: Authors\nsteps:\n  - apply: head\n");

    Cli cli = Cli.run("run", "--project-dir", project.dir());

    assertEquals(2, cli.exitCode(), cli.out());
    assertTrue(cli.err().contains("outside the project root"), cli.err());
    assertTrue(cli.err().contains("--allow-outside-project"), cli.err());
  }

  @Test
  void runWritesBackupsOutsideTheProjectWithTheFlag() throws IOException {
    project.scenario("authors.yaml", "scenario: Authors\nsteps:\n  - apply: head\n  - backup: at-head\n");

    Cli cli = Cli.run("run", "--project-dir", project.dir(), "--allow-outside-project");

    assertEquals(0, cli.exitCode(), cli.err());
    try (java.util.stream.Stream<Path> files = Files.walk(outside.resolve("backups"))) {
      assertTrue(files.anyMatch(f -> f.getFileName().toString().equals("at-head.sqlite")), cli.out());
    }
  }

  @Test
  void aGoldenFileOutsideTheProjectIsWrittenAndComparedWithTheFlag() throws IOException {
    project.write("rehearsal.yaml", "paths:\n  reports: reports\n");
    project.scenario("golden.yaml", """
        scenario: The schema at head is the reviewed one
        steps:
          - apply: head
          - expect:
              schema: {matches: "../elsewhere/head--{database}.schema"}
        """);

    Cli refused = Cli.run("validate", "--project-dir", project.dir());
    Cli written = Cli.run("run", "--project-dir", project.dir(), "--allow-outside-project", "--update-snapshots");
    Cli compared = Cli.run("run", "--project-dir", project.dir(), "--allow-outside-project");

    assertEquals(2, refused.exitCode(), refused.out());
    assertTrue(refused.err().contains("golden file '../elsewhere/head--{database}.schema' is outside the project"),
        refused.err());
    assertEquals(0, written.exitCode(), written.err());
    assertTrue(Files.readString(outside.resolve("head--sqlite.schema")).contains("table books"));
    assertEquals(0, compared.exitCode(), compared.err());
  }
}
