package dev.rehearsal.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.backup.Backups;
import dev.rehearsal.database.ScratchDatabase;
import dev.rehearsal.database.Session;
import dev.rehearsal.database.sqlite.SqliteDatabase;
import dev.rehearsal.migrations.MigrationRepository;
import dev.rehearsal.schema.Snapshots;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backup}, {@code restore} and {@code corrupt_backup} on a real SQLite scratch database with the library
 * repository: the files on disk (checked with the real {@code sha256sum -c}), the manifest, verified restores, and
 * refused restores that leave the database as it was.
 */
class BackupRestoreStepsTest {

  private static final Path LIBRARY = Path.of("src/test/resources/library").toAbsolutePath();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path project;

  private final SqliteDatabase sqlite = new SqliteDatabase("sqlite");
  private final MigrationRepository repository = MigrationRepository.open(LIBRARY.resolve("migrations"),
      List.of(LIBRARY.resolve("migrations/scripts")), "sqlite");
  private ScratchDatabase scratch;
  private Path backups;
  private ScenarioSteps steps;

  @BeforeEach
  void createScratch() {
    scratch = sqlite.createScratch("backups");
    backups = project.resolve("backups/run/scenario--sqlite");
    steps = steps(backups);
  }

  private ScenarioSteps steps(Path backupDir) {
    return new ScenarioSteps(sqlite, scratch, repository, project, LIBRARY.resolve("fixtures"), backupDir);
  }

  @AfterEach
  void dropScratch() {
    scratch.close();
  }

  private static final String SEEDED_BACKUP = """
      - apply: 20240102000000
      - seed: authors.yaml
      - seed: books.csv
      - backup: before-deploy
      """;

  private List<String> files(Path dir) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static String sha256sumCheck(Path dir, String checksumFile) throws IOException, InterruptedException {
    Process process = new ProcessBuilder("sha256sum", "-c", checksumFile).directory(dir.toFile())
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return process.waitFor() + " " + output;
  }

  @Test
  void aBackupIsTheFileItsSha256sumChecksumAndAManifestAndNothingElse() throws Exception {
    StepOutcome outcome = steps.run(SEEDED_BACKUP);

    Path file = backups.resolve("before-deploy.sqlite");
    String sha256 = Backups.sha256(file);
    assertEquals(StepOutcome.checked(Check.passed("backup before-deploy written and checksummed",
        "a backup with checksum and manifest", "backups/run/scenario--sqlite/before-deploy.sqlite"),
        "backup before-deploy at version 20240102000000: backups/run/scenario--sqlite/before-deploy.sqlite (sha256 "
            + sha256.substring(0, 12) + "...)"), outcome);
    assertEquals(List.of("before-deploy.manifest.json", "before-deploy.sqlite", "before-deploy.sqlite.sha256"),
        files(backups));
    assertEquals(sha256 + "  before-deploy.sqlite\n",
        Files.readString(backups.resolve("before-deploy.sqlite.sha256")));
    assertEquals("0 before-deploy.sqlite: OK\n", sha256sumCheck(backups, "before-deploy.sqlite.sha256"));
  }

  @Test
  void theManifestHoldsVersionSchemaHashAndEachTablesRowsAndHash() throws IOException {
    steps.run(SEEDED_BACKUP);

    JsonNode manifest = JSON.readTree(backups.resolve("before-deploy.manifest.json").toFile());
    List<String> keys = new ArrayList<>();
    manifest.fieldNames().forEachRemaining(keys::add);
    assertEquals(List.of("format", "label", "database_kind", "created_at", "file", "sha256", "version",
        "changelog_table", "schema_hash", "tables"), keys);
    assertEquals(2, manifest.get("format").asInt());
    assertEquals("CHANGELOG", manifest.get("changelog_table").asText());
    assertEquals("before-deploy", manifest.get("label").asText());
    assertEquals("sqlite", manifest.get("database_kind").asText());
    assertEquals("before-deploy.sqlite", manifest.get("file").asText());
    assertEquals(Backups.sha256(backups.resolve("before-deploy.sqlite")), manifest.get("sha256").asText());
    assertEquals("20240102000000", manifest.get("version").asText());
    try (Session session = steps.session()) {
      assertEquals(Snapshots.schema(session, "CHANGELOG").hash(), manifest.get("schema_hash").asText());
      var data = Snapshots.data(session, "CHANGELOG", List.of());
      assertEquals(JSON.readTree("{\"authors\": {\"rows\": 2, \"hash\": \"" + data.tables().get("authors").hash()
          + "\"}, \"books\": {\"rows\": 2, \"hash\": \"" + data.tables().get("books").hash() + "\"}}"),
          manifest.get("tables"));
    }
  }

  @Test
  void aRestoreBringsBackSchemaDataAndVersionAndProvesItAgainstTheManifest() {
    List<StepOutcome> outcomes = steps.runAll(SEEDED_BACKUP + """
        - apply: head
        - sql: "DELETE FROM books; UPDATE authors SET born = 1900;"
        - restore: before-deploy
        - expect:
            version: 20240102000000
            schema: {same_as: before-deploy}
            data: {same_as: before-deploy}
            rows: {books: 2}
        """);

    assertEquals(StepOutcome.checked(Check.passed("restored before-deploy matches its manifest",
        "version 20240102000000, schema and 2 tables", "the same"), "restored before-deploy at version 20240102000000"),
        outcomes.get(6));
    assertEquals("4 checks passed", outcomes.get(7).detail());
    assertEquals(List.of(), outcomes.get(7).checks().stream().filter(c -> !c.passed()).toList());
  }

  @Test
  void aRestoreExpectedToFailThatSucceedsIsAFailedCheck() {
    StepOutcome outcome = steps.run(SEEDED_BACKUP + "- restore: {label: before-deploy, expect_error: checksum}");

    assertEquals(StepOutcome.checked(Check.failed("restore before-deploy fails with 'checksum'",
        "an error containing 'checksum'", "no error: the backup was restored", ""),
        "did not fail: restored before-deploy at version 20240102000000"), outcome);
  }

  private static final String BACKUP_THEN_HEAD = SEEDED_BACKUP + """
      - apply: head
      - seed: {file: more-books.csv, table: books}
      - snapshot: at-head
      """;

  /** Had the restore happened, the version and the rows of books would be those of the backup. */
  private static final String UNTOUCHED = """
      - expect:
          version: head
          schema: {same_as: at-head}
          data: {same_as: at-head}
      """;

  @Test
  void aFlippedByteIsRefusedNamingTheFileAndTheDatabaseIsLeftAsItWas() throws Exception {
    List<StepOutcome> outcomes = steps.runAll(BACKUP_THEN_HEAD + """
        - corrupt_backup: before-deploy
        - restore: before-deploy
        """ + UNTOUCHED);

    Path file = backups.resolve("before-deploy.sqlite");
    String expected = Files.readString(backups.resolve("before-deploy.sqlite.sha256")).split(" ")[0];
    assertEquals(StepOutcome.done("flipped byte " + Files.size(file) / 2 + " of before-deploy.sqlite"),
        outcomes.get(7));
    assertEquals(StepOutcome.checked(Check.failed("backup before-deploy verified before restoring",
        "checksum, manifest and the file read back agree", "checksum mismatch: " + file + " is corrupt or truncated (SHA-256 "
            + Backups.sha256(file) + ", expected " + expected + ") — nothing was restored", ""),
        "refused: the database was not touched"), outcomes.get(8));
    assertEquals(new StepOutcome(List.of(Check.passed("version head", "20240104000000", "20240104000000"),
        Check.passed("schema same_as at-head", "the schema of snapshot at-head (15 facts)", "the same"),
        Check.passed("data same_as at-head", "the data of snapshot at-head (2 tables)", "the same")),
        "3 checks passed"), outcomes.get(9));
    assertEquals("1 before-deploy.sqlite: FAILED", sha256sumCheck(backups, "before-deploy.sqlite.sha256").lines()
        .findFirst().orElseThrow());
  }

  @Test
  void anEditedManifestIsRefusedNamingTheFieldAndTheDatabaseIsLeftAsItWas() throws IOException {
    Path manifest = backups.resolve("before-deploy.manifest.json");
    List<StepOutcome> outcomes = steps.runAll(BACKUP_THEN_HEAD + """
        - restore: before-deploy
        """ + UNTOUCHED, 7, () -> {
          try {
            Files.writeString(manifest, Files.readString(manifest).replaceFirst("\"rows\" : 2", "\"rows\" : 999"));
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });

    assertEquals(StepOutcome.checked(Check.failed("backup before-deploy verified before restoring",
        "checksum, manifest and the file read back agree", "the manifest " + manifest + " does not match the backup "
            + "file: tables.authors.rows: 999 in the manifest, 2 in the backup file", ""),
        "refused: the database was not touched"), outcomes.get(7));
    assertEquals("3 checks passed", outcomes.get(8).detail());
  }

  @Test
  void aTruncatedBackupIsRefusedAsExpectedAndTheDatabaseIsLeftAsItWas() throws IOException {
    List<StepOutcome> outcomes = steps.runAll(BACKUP_THEN_HEAD + """
        - corrupt_backup: {label: before-deploy, mode: truncate}
        - restore: {label: before-deploy, expect_error: corrupt or truncated}
        """ + UNTOUCHED);

    Path file = backups.resolve("before-deploy.sqlite");
    long size = Files.size(file);
    String expected = Files.readString(backups.resolve("before-deploy.sqlite.sha256")).split(" ")[0];
    assertEquals(StepOutcome.done("truncated before-deploy.sqlite from " + 2 * size + " to " + size + " bytes"),
        outcomes.get(7));
    assertEquals(StepOutcome.checked(Check.passed("restore before-deploy fails with 'corrupt or truncated'",
        "an error containing 'corrupt or truncated'", "checksum mismatch: " + file + " is corrupt or truncated "
            + "(SHA-256 " + Backups.sha256(file) + ", expected " + expected + ") — nothing was restored"),
        "refused as expected: the database was not touched"), outcomes.get(8));
    assertEquals("3 checks passed", outcomes.get(9).detail());
  }

  @Test
  void aRestoreExpectedToBeRefusedForAnotherReasonIsAFailedCheck() {
    StepOutcome outcome = steps.run(SEEDED_BACKUP + """
        - corrupt_backup: before-deploy
        - restore: {label: before-deploy, expect_error: manifest}
        """);

    assertEquals("restore before-deploy fails with 'manifest'", outcome.checks().get(0).name());
    assertFalse(outcome.checks().get(0).passed());
    assertEquals("refused with another error: the database was not touched", outcome.detail());
  }

  @Test
  void aBackupDirectoryThatCannotBeWrittenIsAFailedCheckAndLeavesNoBackupFile() throws IOException {
    Path readOnly = Files.createDirectories(project.resolve("read-only"));
    Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      // Root writes into any directory whatever its mode: the check below is then meaningless, so it is skipped.
      assumeFalse(Files.isWritable(readOnly), "running as root: a read-only directory is writable anyway");

      StepOutcome outcome = steps(readOnly).run(SEEDED_BACKUP);

      assertUnwritable(readOnly, outcome, "permission denied");
    } finally {
      Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void aBackupDirectoryNobodyCanWriteIsAFailedCheckEvenForRoot() throws IOException {
    // /proc/self is a directory in which not even root can create a file.
    Path procSelf = Path.of("/proc/self");
    assumeFalse(!Files.isDirectory(procSelf), "no /proc on this system");

    StepOutcome outcome = steps(procSelf).run(SEEDED_BACKUP);

    assertUnwritable(procSelf, outcome, "no such file or directory");
  }

  private void assertUnwritable(Path dir, StepOutcome outcome, String reason) throws IOException {
    Path target = dir.resolve("before-deploy.sqlite");
    Check check = outcome.checks().get(0);
    String actual = check.actual().replaceAll("\\.[0-9a-f]{32}\\.partial", ".RANDOM.partial");
    assertEquals(new Check("backup before-deploy written and checksummed", false,
        "a backup with checksum and manifest", "cannot write the backup " + target + ": cannot create "
            + dir.resolve(".before-deploy.sqlite.RANDOM.partial") + " (" + reason + ") — check free space and permissions of " + dir,
        ""), new Check(check.name(), check.passed(), check.expected(), actual, check.diff()));
    assertEquals("backup failed", outcome.detail());
    assertFalse(Files.exists(target));
    assertFalse(Files.exists(Backups.filesOf(target).checksum()));
    assertFalse(Files.exists(Backups.filesOf(target).manifest()));
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of(), left.map(p -> p.getFileName().toString()).filter(n -> n.contains("before-deploy"))
          .toList());
    }
  }
}
