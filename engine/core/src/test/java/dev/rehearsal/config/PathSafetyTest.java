package dev.rehearsal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.migrations.RepositoryException;
import dev.rehearsal.run.Project;
import dev.rehearsal.scenario.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migrations, scripts, fixtures and backups stay inside the project root unless that is allowed explicitly. */
class PathSafetyTest {

  @TempDir
  Path temp;

  private Path root;
  private Path outside;

  @BeforeEach
  void project() throws IOException {
    root = Files.createDirectories(temp.resolve("project"));
    outside = Files.createDirectories(temp.resolve("elsewhere"));
    Files.createDirectories(root.resolve("migrations/environments"));
    Files.createDirectories(root.resolve("migrations/scripts"));
    Files.writeString(root.resolve("migrations/environments/sqlite.properties"), "changelog=CHANGELOG\n");
  }

  @Test
  void refusesABackupsDirectoryOutsideTheProject() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> ConfigLoader.load(root, Map.of("paths.backups", outside.toString())));
    assertEquals("rehearsal.yaml:1:1: 'paths.backups' leads to " + outside + ", outside the project root " + root
        + " — keep it inside, or allow it explicitly with --allow-outside-project (paths.allow_outside_project: "
        + "true)", e.getMessage());
  }

  @Test
  void allowsItWhenAskedExplicitly() {
    RehearsalConfig config = ConfigLoader.load(root, Map.of("paths.backups", outside.toString(),
        "paths.allow_outside_project", "true"));
    assertEquals(outside, config.backupsDir());
  }

  @Test
  void refusesAFixturesDirectoryThatIsALinkLeadingOut() throws IOException {
    Files.createSymbolicLink(root.resolve("fixtures"), outside);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> ConfigLoader.load(root, Map.of()));
    assertTrue(e.getMessage().contains("'paths.fixtures' leads to " + root.resolve("fixtures")), e.getMessage());
  }

  @Test
  void refusesAReportsDirectoryBehindALinkLeadingOutButNotOneNamedOutside() throws IOException {
    Files.createSymbolicLink(root.resolve("artifacts"), outside);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> ConfigLoader.load(root, Map.of()));
    assertEquals("rehearsal.yaml:1:1: 'paths.reports' leads to " + root.resolve("artifacts/migrations") + " through a "
        + "symbolic link that leads out of the project root " + root + " (or nowhere) — name a directory outside the "
        + "project directly (--reports DIR), or allow it with --allow-outside-project (paths.allow_outside_project: "
        + "true)", e.getMessage());
    assertEquals(outside.resolve("ci"), ConfigLoader.load(root, Map.of("paths.reports", outside.resolve("ci")
        .toString())).reportsDir());
    assertEquals(root.resolve("artifacts/migrations"), ConfigLoader.load(root, Map.of("paths.allow_outside_project",
        "true")).reportsDir());
  }

  @Test
  void refusesAScriptThatIsALinkLeadingOut() throws IOException {
    Path script = Files.writeString(outside.resolve("20250101000000_x.sql"), "SELECT 1;\n-- //@UNDO\nSELECT 1;\n");
    Files.createSymbolicLink(root.resolve("migrations/scripts/20250101000000_x.sql"), script);
    Project project = Project.open(root, Map.of());
    RepositoryException e = assertThrows(RepositoryException.class, project::repository);
    assertEquals("script " + root.resolve("migrations/scripts/20250101000000_x.sql") + " is a link that leads "
        + "outside the project root — copy it into the repository, or pass --allow-outside-project", e.getMessage());
  }

  @Test
  void aPathInsideTheProjectIsInside() {
    assertTrue(PathSafety.inside(root, root.resolve("backups/not/yet/created")));
  }

  @Test
  void aDanglingLinkAsTheLastPartIsNotInside() throws IOException {
    Files.createDirectories(root.resolve("snapshots"));
    Files.createSymbolicLink(root.resolve("snapshots/head.schema"), outside.resolve("created-by-writing"));

    assertEquals(false, PathSafety.inside(root, root.resolve("snapshots/head.schema")));
    assertEquals(false, Files.exists(outside.resolve("created-by-writing")));
  }

  @Test
  void aDanglingLinkOnTheWayIsNotInside() throws IOException {
    Files.createSymbolicLink(root.resolve("snapshots"), outside.resolve("not-yet"));

    assertEquals(false, PathSafety.inside(root, root.resolve("snapshots/new/head.schema")));
  }

  @Test
  void aLinkThatStaysInsideIsInside() throws IOException {
    Files.createDirectories(root.resolve("real"));
    Files.createSymbolicLink(root.resolve("snapshots"), root.resolve("real"));

    assertTrue(PathSafety.inside(root, root.resolve("snapshots/new/head.schema")));
    assertEquals(false, PathSafety.linkLeadsOut(root, root.resolve("snapshots/head.schema")));
    assertEquals(false, PathSafety.linkLeadsOut(root, outside.resolve("named-outside.yaml")));
  }
}
