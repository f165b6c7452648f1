package dev.rehearsal.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code restore: {file: ...}}, {@code rollback: {to_version_of: ...}} and the scenario's {@code rto:} as the reader
 * reads them, and every way to get them wrong. The backup file need not exist yet (a nightly job may fetch it just
 * before the run); its path is checked as far as it can be without it.
 */
class RestoreFileSyntaxTest {

  private static final List<BigDecimal> IDS = List.of(new BigDecimal("20240101000000"),
      new BigDecimal("20240102000000"));

  @TempDir
  Path dir;

  private Scenario read(String yaml, boolean allowOutside) throws IOException {
    Path file = Files.writeString(dir.resolve("s.yaml"), yaml);
    return new ScenarioReader(new ReadContext(dir, dir, new TreeSet<>(IDS), List.of("sqlite"), allowOutside))
        .read(file);
  }

  private String problems(String yaml) {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> read(yaml, false));
    return e.problems().stream().map(p -> p + "\n").collect(Collectors.joining());
  }

  private static SourcePosition at(int line, int column) {
    return new SourcePosition("s.yaml", line, column);
  }

  @Test
  void readsTheFileRestoreTheRollbackToItsVersionAndTheObjective() throws IOException {
    Scenario scenario = read("""
        scenario: a drill
        rto: 30min
        steps:
          - restore: {file: "backups/nightly/*.dump", label: nightly, within: 10min}
          - restore: {file: "backups/{database}/latest.sqlite"}
          - apply: head
          - rollback: {to_version_of: nightly}
        """, false);

    assertEquals(List.of(
        new RestoreFileStep("backups/nightly/*.dump", "nightly", Duration.ofMinutes(10), at(4, 5)),
        new RestoreFileStep("backups/{database}/latest.sqlite", null, null, at(5, 5)),
        new ApplyStep(Target.head(), null, at(6, 5)),
        new RollbackStep(new Target.VersionOf("nightly"), null, at(7, 5)),
        new RecoveryObjectiveStep(Duration.ofMinutes(30), "30min", at(2, 1))), scenario.steps());
    assertEquals("rollback to the version of nightly", scenario.steps().get(3).describe());
    assertEquals("rto 30min", scenario.steps().get(4).describe());
  }

  @Test
  void reportsEveryMalformedFileRestore() {
    assertEquals("""
        s.yaml:3:21: 'restore.file' must not be empty
        s.yaml:4:21: 'restore.file' is not a valid glob: Missing '] at character 21 — write a path, or a glob such as \
        backups/nightly/*.dump
        s.yaml:5:21: backup file '../elsewhere/nightly.dump' is outside the project — copy it into the project (or \
        allow it with --allow-outside-project, paths.allow_outside_project: true)
        s.yaml:6:21: backup file '/var/backups/*.dump' is outside the project — copy it into the project (or allow \
        it with --allow-outside-project, paths.allow_outside_project: true)
        s.yaml:7:21: 'restore.file' has '..' after its first wildcard — put the directories before it
        s.yaml:8:37: 'expect_error' goes with a backup label, not with 'file' — a backup file that is refused fails \
        the step, naming why
        s.yaml:9:45: 'within' must be a duration such as 500ms, 30s, 2min or 1h, found 'soon'
        s.yaml:10:31: unknown label 'nightly' — take a 'snapshot: nightly' or 'backup: nightly' in an earlier step
        s.yaml:11:41: 'rollback' takes 'to_version_of' alone, not with 'to' or 'steps'
        """, problems("""
        scenario: broken restores
        steps:
          - restore: {file: ""}
          - restore: {file: "backups/[nightly.dump"}
          - restore: {file: ../elsewhere/nightly.dump}
          - restore: {file: "/var/backups/*.dump"}
          - restore: {file: "backups/*/../../x.dump"}
          - restore: {file: backups/x.dump, expect_error: refused}
          - restore: {file: backups/x.dump, within: soon}
          - rollback: {to_version_of: nightly}
          - rollback: {to: base, to_version_of: x}
        """));
  }

  @Test
  void anObjectiveIsADurationOfAtLeastOneMillisecond() {
    assertEquals("s.yaml:2:6: 'rto' must be a duration such as 500ms, 30s, 2min or 1h, found 'half an hour'\n",
        problems("scenario: x\nrto: half an hour\nsteps:\n  - apply: head\n"));
    assertEquals("s.yaml:2:6: 'rto' must be at least 1ms, found '0.1ms'\n",
        problems("scenario: x\nrto: 0.1ms\nsteps:\n  - apply: head\n"));
  }

  @Test
  void aFileOutsideTheProjectIsReadWhenAllowed() throws IOException {
    Scenario scenario = read("scenario: x\nsteps:\n  - restore: {file: /var/backups/nightly.dump}\n", true);
    assertEquals("restore file /var/backups/nightly.dump", scenario.steps().get(0).describe());
  }
}
