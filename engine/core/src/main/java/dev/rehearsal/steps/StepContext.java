package dev.rehearsal.steps;

import dev.rehearsal.database.Database;
import dev.rehearsal.database.ScratchDatabase;
import dev.rehearsal.database.Session;
import dev.rehearsal.migrations.MigrationRepository;
import dev.rehearsal.migrations.Migrator;
import dev.rehearsal.migrations.ScriptExecutor;
import java.util.Objects;

/**
 * What a step may use: the scratch database of its scenario run (never any other) and the migrations repository.
 * Every accessor that touches the database opens a fresh connection.
 */
public final class StepContext {

  private final Database database;
  private final ScratchDatabase scratch;
  private final MigrationRepository repository;

  public StepContext(Database database, ScratchDatabase scratch, MigrationRepository repository) {
    this.database = Objects.requireNonNull(database, "database");
    this.scratch = Objects.requireNonNull(scratch, "scratch");
    this.repository = Objects.requireNonNull(repository, "repository");
  }

  public Database database() {
    return database;
  }

  public MigrationRepository repository() {
    return repository;
  }

  public Migrator migrator() {
    return new Migrator(repository, scratch);
  }

  public ScriptExecutor scripts() {
    return new ScriptExecutor(repository);
  }

  public ScratchDatabase scratch() {
    return scratch;
  }

  /** A new session on the scratch database; the caller closes it. */
  public Session session() {
    return new Session(database, scratch);
  }
}
