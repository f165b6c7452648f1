package dev.rehearsal.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.run.Project;
import dev.rehearsal.run.RunId;
import dev.rehearsal.run.RunListener;
import dev.rehearsal.run.RunOptions;
import dev.rehearsal.run.RunResult;
import dev.rehearsal.run.ScenarioResult;
import dev.rehearsal.run.Status;
import dev.rehearsal.steps.Check;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup onto a full disk is a failed check that says so, and leaves no file with a backup's name: a real, tiny
 * file system (a 64 KiB tmpfs) fills up while the SQLite online backup writes.
 */
class DiskFullBackupTest {

  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

  @TempDir
  Path temp;

  private Path full;

  @BeforeEach
  void mountATinyFileSystem() throws Exception {
    full = Files.createDirectories(temp.resolve("full"));
    Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", full.toString())
        .redirectErrorStream(true).start();
    boolean mounted = mount.waitFor(10, TimeUnit.SECONDS) && mount.exitValue() == 0;
    // Mounting needs root (the CI machine runs as root); elsewhere there is no small disk to fill.
    Assumptions.assumeTrue(mounted, "cannot mount a tmpfs here: " + new String(mount.getInputStream().readAllBytes()));
  }

  @AfterEach
  void unmount() throws Exception {
    if (full != null) {
      new ProcessBuilder("umount", full.toString()).start().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aBackupOntoAFullDiskIsAFailedCheckAndLeavesNoBackupFile() throws IOException {
    Path scenario = Files.writeString(temp.resolve("full-disk.yaml"), """
        scenario: backs up a database larger than the disk
        databases: [sqlite]
        steps:
          - apply: head
          - seed: front-page.sql
          - backup: before-deploy
          - expect: {version: head}
        """);
    Project project = Project.open(ROOT, Map.of("paths.backups", full.toString(), "paths.allow_outside_project",
        "true"));
    RunResult result = project.run(RunId.next(), project.readScenarios(List.of(scenario)),
        project.databases(List.of("sqlite")), new RunOptions(false, false, 1, false), new RunListener() {});

    ScenarioResult run = result.scenarios().get(0);
    assertEquals(Status.FAILED, run.status(), run.toString());
    Check check = run.steps().get(2).checks().get(0);
    assertEquals("backup before-deploy written and checksummed", check.name());
    assertTrue(check.actual().startsWith("cannot write the backup "), check.actual());
    assertTrue(check.actual().contains("check free space and permissions of"), check.actual());
    assertEquals(Status.PASSED, run.steps().get(3).status(), "the scenario goes on after the failed check");
    try (Stream<Path> files = Files.walk(full)) {
      List<String> left = files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
      assertEquals(List.of(), left, "files left on the full disk");
    }
  }
}
