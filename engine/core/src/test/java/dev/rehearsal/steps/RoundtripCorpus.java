package dev.rehearsal.steps;

import dev.rehearsal.database.Database;
import dev.rehearsal.database.ScratchDatabase;
import dev.rehearsal.database.postgres.PostgresDatabase;
import dev.rehearsal.database.sqlite.SqliteDatabase;
import dev.rehearsal.migrations.MigrationRepository;
import dev.rehearsal.scenario.ReadContext;
import dev.rehearsal.scenario.ScenarioReader;
import dev.rehearsal.scenario.Step;
import dev.rehearsal.testing.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs scenario steps against one case of the round-trip corpus ({@code src/test/resources/roundtrip}: the
 * {@code base} scripts plus one directory of broken ones) on a fresh scratch database of SQLite or PostgreSQL.
 */
final class RoundtripCorpus implements AutoCloseable {

  static final Path ROOT = Path.of("src/test/resources/roundtrip").toAbsolutePath();

  private final Database database;
  private final ScratchDatabase scratch;
  private final MigrationRepository repository;
  private final StepContext context;

  /**
   * @param kind {@code sqlite} or {@code postgres} (the test class needs {@link
   *     dev.rehearsal.testing.RequiresPostgres} then)
   * @param scripts the corpus directory that goes with {@code base}, or null for {@code base} alone
   */
  RoundtripCorpus(String kind, String scripts) {
    if (kind.equals("postgres")) {
      database = new PostgresDatabase("postgres", PostgresServer.url(), "5min", "30s");
    } else {
      database = new SqliteDatabase("sqlite");
    }
    List<Path> dirs = scripts == null ? List.of(ROOT.resolve("base"))
        : List.of(ROOT.resolve("base"), ROOT.resolve(scripts));
    repository = MigrationRepository.open(ROOT, dirs, kind);
    scratch = database.createScratch("roundtrip_" + System.nanoTime());
    context = new StepContext(database, scratch, repository, new StepContext.Settings(ROOT, false),
        Path.of("target/test-backups").toAbsolutePath());
  }

  /**
   * Reads a scenario whose body (everything after {@code scenario:}) is {@code yaml}, runs its steps in order and
   * returns the outcome of the last one.
   */
  StepOutcome run(Path dir, String yaml) {
    Path file = dir.resolve("roundtrip-under-test.yaml");
    try {
      Files.writeString(file, "scenario: round-trip under test\n" + yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ReadContext read = new ReadContext(ROOT, ROOT, repository.ids(), List.of(database.name()));
    StepRegistry registry = StepRegistry.standard();
    StepOutcome last = null;
    for (Step step : new ScenarioReader(read).read(file).steps()) {
      last = registry.run(step, context);
    }
    return last;
  }

  @Override
  public void close() {
    scratch.close();
  }
}
