package dev.rehearsal.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.backup.Backups;
import dev.rehearsal.database.ScratchDatabase;
import dev.rehearsal.database.sqlite.SqliteDatabase;
import dev.rehearsal.migrations.MigrationRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code restore: {file: ...}} on SQLite with the library repository: how far a file is verified (its sidecars, when
 * they lie beside it, checked), what refuses it before anything is restored, and the restored state it names.
 */
class RestoreFileStepsTest {

  private static final Path LIBRARY = Path.of("src/test/resources/library").toAbsolutePath();
  private static final String NIGHTLY = "backups/run/scenario--sqlite/nightly.sqlite";

  @TempDir
  Path project;

  private final SqliteDatabase sqlite = new SqliteDatabase("sqlite");
  private final MigrationRepository repository = MigrationRepository.open(LIBRARY.resolve("migrations"),
      List.of(LIBRARY.resolve("migrations/scripts")), "sqlite");
  private ScratchDatabase source;
  private ScratchDatabase target;

  @BeforeEach
  void writeANightlyBackup() {
    source = sqlite.createScratch("source");
    new ScenarioSteps(sqlite, source, repository, project, LIBRARY.resolve("fixtures"),
        project.resolve("backups/run/scenario--sqlite")).run("""
            - apply: 20240102000000
            - seed: authors.yaml
            - seed: books.csv
            - backup: nightly
            """);
    target = sqlite.createScratch("target");
  }

  @AfterEach
  void drop() {
    source.close();
    target.close();
  }

  private StepOutcome restore(String file) {
    return new ScenarioSteps(sqlite, target, repository, project, LIBRARY.resolve("fixtures"),
        project.resolve("backups/other")).run("- restore: {file: \"" + file + "\", label: restored}\n"
            + "- expect: {version: 20240102000000, rows: {authors: 2, books: 2}}\n");
  }

  private String refusal(String file) {
    ScenarioSteps steps = new ScenarioSteps(sqlite, target, repository, project, LIBRARY.resolve("fixtures"),
        project.resolve("backups/other"));
    return assertThrows(StepFailure.class, () -> steps.run("- restore: {file: \"" + file + "\"}\n")).getMessage();
  }

  private String detailOfTheRestore() {
    List<StepOutcome> outcomes = new ScenarioSteps(sqlite, target, repository, project, LIBRARY.resolve("fixtures"),
        project.resolve("backups/other")).runAll("- restore: {file: \"" + NIGHTLY + "\"}\n");
    assertTrue(outcomes.get(0).passed(), outcomes.toString());
    return outcomes.get(0).detail();
  }

  @Test
  void aBackupWithItsChecksumAndManifestIsVerifiedAndProvedAgainstBoth() throws IOException {
    StepOutcome expect = restore(NIGHTLY);

    assertTrue(expect.passed(), expect.toString());
    String sha256 = Backups.sha256(project.resolve(NIGHTLY));
    assertEquals("restored " + NIGHTLY + " (SQLite database file, " + RestoredBackup.size(Files.size(project.resolve(
        NIGHTLY))) + ", sha256 " + sha256.substring(0, 12) + "..., verified: checksum and manifest): 2 tables, 4 "
        + "rows, at version 20240102000000, 2 migrations pending", detailOfTheRestore());
  }

  @Test
  void withoutItsSidecarsABackupIsUnverifiedAndStillProvedByTheReadBack() throws IOException {
    Files.delete(project.resolve("backups/run/scenario--sqlite/nightly.manifest.json"));
    assertTrue(detailOfTheRestore().contains(", verified: checksum (no manifest)): 2 tables, 4 rows"));
    Files.delete(project.resolve(NIGHTLY + ".sha256"));
    assertTrue(detailOfTheRestore().contains(", unverified: no .sha256 or manifest beside it, proved by the restore "
        + "and the read-back only): 2 tables, 4 rows"));
    assertTrue(restore(NIGHTLY).passed());
  }

  @Test
  void aSidecarThatDisagreesRefusesTheBackupBeforeAnythingIsRestored() throws IOException {
    Path checksum = project.resolve(NIGHTLY + ".sha256");
    String good = Files.readString(checksum);
    Files.writeString(checksum, "0".repeat(64) + "  nightly.sqlite\n");
    assertTrue(refusal(NIGHTLY).startsWith("backup " + NIGHTLY + " refused: checksum mismatch: "), refusal(NIGHTLY));

    Files.writeString(checksum, good);
    Path manifest = project.resolve("backups/run/scenario--sqlite/nightly.manifest.json");
    Files.writeString(manifest, Files.readString(manifest).replace("\"sqlite\"", "\"postgres\""));
    assertEquals("backup " + NIGHTLY + " refused: nightly.sqlite is a postgres backup (database_kind in its "
        + "manifest), and the target is a sqlite database — nothing was restored", refusal(NIGHTLY));
    try (var session = new dev.rehearsal.database.Session(sqlite, target)) {
      assertEquals(List.of(), session.fingerprints(java.util.Set.of()).keySet().stream().toList(),
          "the target was not touched");
    }
  }

  @Test
  void aMissingFileAFileOfAnotherKindAndAGlobWithoutAMatchAreErrorsOfTheStep() throws IOException {
    assertEquals("backup file backups/nowhere.sqlite not found (in " + project + ") — fetch it before the run, or fix "
        + "'restore.file'", refusal("backups/nowhere.sqlite"));
    Files.writeString(project.resolve("notes.sqlite"), "not a database\n");
    assertEquals("backup notes.sqlite refused: " + project.resolve("notes.sqlite") + " is not a SQLite database (it "
        + "does not start with SQLite's header) — nothing was restored", refusal("notes.sqlite"));
    assertEquals("no file matches backups/run/*/none-* (in " + project.resolve("backups/run") + ") — fetch the "
        + "backup before the run, or fix 'restore.file'", refusal("backups/run/*/none-*"));
  }

  @Test
  void aLinkThatLeadsOutOfTheProjectIsRefused(@TempDir Path elsewhere) throws IOException {
    Path outside = Files.copy(project.resolve(NIGHTLY), elsewhere.resolve("nightly.sqlite"));
    Files.createSymbolicLink(project.resolve("backups/linked.sqlite"), outside);
    assertEquals("backups/linked.sqlite leads outside the project (a symbolic link) — copy it into the project, or "
        + "pass --allow-outside-project; nothing was restored", refusal("backups/linked.sqlite"));
  }

  @Test
  void aGlobTakesTheNewestByNameAndNeverASidecar() throws IOException {
    Path dir = project.resolve("backups/run/scenario--sqlite");
    Files.copy(dir.resolve("nightly.sqlite"), dir.resolve("nightly-9.sqlite"));
    Files.copy(dir.resolve("nightly.sqlite"), dir.resolve("nightly-10.sqlite"));
    Files.writeString(dir.resolve(".nightly-11.sqlite.0123.partial"), "half");
    Files.writeString(dir.resolve("nightly-12.sqlite.sha256"), "a checksum\n");
    Files.writeString(dir.resolve("nightly-12.manifest.json"), "{}\n");
    assertEquals(dir.resolve("nightly-10.sqlite"), BackupFileChoice.choose("backups/run/*/nightly-*", "sqlite",
        project));
    assertEquals(dir.resolve("nightly-10.sqlite"), BackupFileChoice.choose("backups/**/nightly-*", "sqlite", project));
    assertEquals(dir.resolve("nightly-10.sqlite"), BackupFileChoice.choose("backups/run/{database}--*/nightly-*",
        "scenario", project));
  }

  @Test
  void namesCompareWithTheirDigitsAsNumbers() {
    List<String> sorted = new java.util.ArrayList<>(List.of("dump-10", "dump-9", "dump-2025-01-10", "dump-2025-01-09",
        "dump", "dump-9a"));
    sorted.sort(BackupFileChoice::natural);
    assertEquals(List.of("dump", "dump-9", "dump-9a", "dump-10", "dump-2025-01-09", "dump-2025-01-10"), sorted);
  }
}
