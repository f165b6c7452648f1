package dev.rehearsal.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.backup.Backups;
import dev.rehearsal.database.DatabaseException;
import dev.rehearsal.database.ScratchDatabase;
import dev.rehearsal.database.postgres.PostgresDatabase;
import dev.rehearsal.migrations.MigrationRepository;
import dev.rehearsal.testing.PostgresServer;
import dev.rehearsal.testing.RequiresPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backup} ({@code pg_dump --format=custom}) and {@code restore} ({@code pg_restore}) on a scratch database of
 * the real PostgreSQL server, with the sample repository at the project root (enum, function, sequence, GIN index).
 */
@RequiresPostgres
class PostgresBackupRestoreStepsTest {

  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path project;

  private final MigrationRepository repository = MigrationRepository.open(ROOT.resolve("migrations"),
      List.of(ROOT.resolve("migrations/scripts")), "postgres");
  private ScratchDatabase scratch;

  @AfterEach
  void dropScratch() {
    if (scratch != null) {
      scratch.close();
    }
  }

  private ScenarioSteps steps(String binDir) {
    PostgresDatabase postgres = new PostgresDatabase("postgres", PostgresServer.url(), "5min", "30s", binDir);
    scratch = postgres.createScratch("backup_" + System.nanoTime());
    return new ScenarioSteps(postgres, scratch, repository, project, ROOT.resolve("fixtures"),
        project.resolve("backups"));
  }

  private static final String SEEDED_BACKUP = """
      - apply: 20250106000000
      - seed: users.yaml
      - backup: before-deploy
      """;

  @Test
  void aRestoreBringsBackWhatPgDumpSavedAndProvesItAgainstTheManifest() throws Exception {
    List<StepOutcome> outcomes = steps(null).runAll(SEEDED_BACKUP + """
        - apply: head
        - sql: "DELETE FROM users WHERE id = 3;"
        - restore: before-deploy
        - expect:
            version: 20250106000000
            schema: {same_as: before-deploy}
            data: {same_as: before-deploy}
            rows: {users: 3}
        """);

    Path backups = project.resolve("backups");
    assertEquals(Check.passed("backup before-deploy written and checksummed", "a backup with checksum and manifest",
        "backups/before-deploy.dump"), outcomes.get(2).checks().get(0));
    try (Stream<Path> files = Files.list(backups)) {
      assertEquals(List.of("before-deploy.dump", "before-deploy.dump.sha256", "before-deploy.manifest.json"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
    Process check = new ProcessBuilder("sha256sum", "-c", "before-deploy.dump.sha256").directory(backups.toFile())
        .redirectErrorStream(true).start();
    assertEquals("before-deploy.dump: OK\n", new String(check.getInputStream().readAllBytes(),
        StandardCharsets.UTF_8));
    assertEquals(0, check.waitFor());
    JsonNode manifest = JSON.readTree(backups.resolve("before-deploy.manifest.json").toFile());
    assertEquals("postgres 20250106000000 users=3", manifest.get("database_kind").asText() + " "
        + manifest.get("version").asText() + " users=" + manifest.get("tables").get("users").get("rows").asLong());
    assertEquals(StepOutcome.checked(Check.passed("restored before-deploy matches its manifest",
        "version 20250106000000, schema and 5 tables", "the same"), "restored before-deploy at version 20250106000000"),
        outcomes.get(5));
    assertEquals(List.of(), outcomes.get(6).checks().stream().filter(c -> !c.passed()).toList());
    assertEquals("4 checks passed", outcomes.get(6).detail());
  }

  @Test
  void aCorruptDumpIsRefusedAndTheDatabaseIsLeftAsItWas() throws IOException {
    List<StepOutcome> outcomes = steps(null).runAll(SEEDED_BACKUP + """
        - apply: head
        - snapshot: at-head
        - corrupt_backup: before-deploy
        - restore: before-deploy
        - expect:
            version: head
            schema: {same_as: at-head}
            data: {same_as: at-head}
        """);

    Path file = project.resolve("backups/before-deploy.dump");
    String expected = Files.readString(project.resolve("backups/before-deploy.dump.sha256")).split(" ")[0];
    assertEquals(StepOutcome.checked(Check.failed("backup before-deploy verified before restoring",
        "checksum, manifest and the file read back agree", "checksum mismatch: " + file + " is corrupt or truncated (SHA-256 "
            + Backups.sha256(file) + ", expected " + expected + ") — nothing was restored", ""),
        "refused: the database was not touched"), outcomes.get(6));
    assertEquals(List.of(), outcomes.get(7).checks().stream().filter(c -> !c.passed()).toList());
    assertEquals("3 checks passed", outcomes.get(7).detail());
  }

  @Test
  void aBinDirWithoutPgDumpNamesThePackageToInstall() throws IOException {
    Path empty = Files.createDirectories(project.resolve("empty-bin"));
    int major = Integer.parseInt(PostgresServer.queryValue("SHOW server_version_num")) / 10000;
    ScenarioSteps steps = steps(empty.toString());

    DatabaseException e = assertThrows(DatabaseException.class, () -> steps.runAll(SEEDED_BACKUP));

    String pgDump = empty.resolve("pg_dump").toString();
    assertEquals("pg_dump not found (" + pgDump + "): cannot check pg_dump: Cannot run program \"" + pgDump
        + "\": error=2, No such file or directory — install the PostgreSQL client tools of version " + major
        + " or newer (Debian: apt-get install postgresql-client-" + major + ") or set databases.postgres.bin_dir",
        e.getMessage());
    try (Stream<Path> left = Files.list(project.resolve("backups"))) {
      assertEquals(List.of(), left.toList());
    }
  }
}
