package dev.rehearsal.database.postgres;

import dev.rehearsal.database.BackupTool;
import dev.rehearsal.database.Catalog;
import dev.rehearsal.database.ClassifiedError;
import dev.rehearsal.database.Connector;
import dev.rehearsal.database.Database;
import dev.rehearsal.database.DatabaseException;
import dev.rehearsal.database.LockProbe;
import dev.rehearsal.database.ScratchDatabase;
import dev.rehearsal.database.SeedDialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * PostgreSQL on a server of the run's own ({@code server: private}): a {@link PrivateCluster} started on first use and
 * stopped and deleted when the run is over ({@link #release()}), on Ctrl-C, or when the process ends. Everything else
 * is {@link PostgresDatabase} through the cluster's door, so scratch databases, roles, copies and backups behave as on
 * any server.
 */
public final class PrivatePostgres implements Database {

  private final String name;
  private final Path binDir;
  private final String major;
  private final Settings settings;
  private PrivateCluster cluster;
  private PostgresDatabase database;
  /** Why the cluster could not start, once it could not. */
  private DatabaseException failed;

  /** What {@link PostgresDatabase} is given besides the door. */
  public record Settings(String statementTimeout, String lockTimeout, String stepsAs) {}

  /**
   * @param binDir the binaries to start the cluster from (and of {@code pg_dump}), or null to find them
   * @param major the major version to run, or null for the newest on the machine
   * @throws IllegalArgumentException for a major version that is not a number
   */
  public PrivatePostgres(String name, String binDir, String major, Settings settings) {
    if (major != null && !major.strip().matches("[0-9]{1,2}")) {
      throw new IllegalArgumentException("databases." + name + ".server_version is '" + major + "' — write a major "
          + "version of PostgreSQL, such as 15 or 17");
    }
    this.name = name;
    this.binDir = binDir == null ? null : Path.of(binDir);
    this.major = major == null ? null : major.strip();
    this.settings = settings;
    // validated now, as for a server of the machine's: the door URL here is only a placeholder
    new PostgresDatabase(name, "jdbc:postgresql://127.0.0.1/postgres", settings.statementTimeout(),
        settings.lockTimeout(), binDir, settings.stepsAs());
  }

  /** The database on the started cluster, starting it first. */
  private synchronized PostgresDatabase started() {
    if (failed != null) {
      throw failed;
    }
    if (database == null) {
      try {
        cluster = PrivateCluster.create(binDir, major);
      } catch (DatabaseException e) {
        // Every scenario run of this database reports it; none tries to start another cluster.
        failed = e;
        throw e;
      }
      Path tools = binDir != null ? binDir : Files.isExecutable(cluster.binDir().resolve("pg_dump"))
          ? cluster.binDir() : null;
      database = new PostgresDatabase(name, cluster.url(), settings.statementTimeout(), settings.lockTimeout(),
          tools == null ? null : tools.toString(), settings.stepsAs());
    }
    return database;
  }

  /** The port of the cluster while it runs (for tests and diagnostics); empty before it starts and after. */
  public synchronized java.util.OptionalInt port() {
    return cluster == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(cluster.port());
  }

  /** The directory of the cluster while it runs; empty before it starts and after. */
  public synchronized Optional<Path> directory() {
    return cluster == null ? Optional.empty() : Optional.of(cluster.directory());
  }

  /** Stops and deletes the cluster, if it was started; the next use starts a new one. */
  @Override
  public synchronized void release() {
    if (cluster != null) {
      cluster.close();
      cluster = null;
      database = null;
      failed = null;
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String kind() {
    return PostgresDatabase.KIND;
  }

  @Override
  public String version() {
    return started().version() + " (private server)";
  }

  @Override
  public ScratchDatabase createScratch(String label) {
    return started().createScratch(label);
  }

  @Override
  public ScratchDatabase createScratchFrom(ScratchDatabase template, String label) {
    return started().createScratchFrom(template, label);
  }

  @Override
  public Connector existing(String location) {
    throw DatabaseException.infrastructure("cannot open " + location, new IOException("databases." + name
        + " is a private server that lives only while a run does; it has no databases of yours — use a server "
        + "of yours for --db"));
  }

  /** A private cluster is deleted with everything in it: there is nothing left to clean. */
  @Override
  public List<String> clean(Duration olderThan, Consumer<String> skipped, Consumer<String> young) {
    return List.of();
  }

  @Override
  public BackupTool backups() {
    return started().backups();
  }

  @Override
  public OptionalLong copyCsv(Connection connection, String table, List<String> columns, Path csv)
      throws SQLException {
    return started().copyCsv(connection, table, columns, csv);
  }

  @Override
  public Catalog catalog() {
    return started().catalog();
  }

  @Override
  public ClassifiedError classify(SQLException error) {
    return started().classify(error);
  }

  /**
   * Nothing: this runs in a shutdown hook beside the cluster's own, which stops the server and deletes its directory
   * with every scratch database in it; connecting to a server being stopped would only wait and report drops that
   * failed.
   */
  @Override
  public void dropLeftovers() {}

  @Override
  public LockProbe lockProbe() {
    return new PostgresLockProbe();
  }

  @Override
  public SeedDialect seedDialect() {
    return new PostgresSeedDialect();
  }

  @Override
  public synchronized List<String> dropProblems() {
    return database == null ? List.of() : database.dropProblems();
  }

  @Override
  public List<String> notices() {
    try {
      return started().notices();
    } catch (DatabaseException e) {
      return List.of(); // the scenario runs report it
    }
  }

  @Override
  public Optional<String> inexactCopy(ScratchDatabase template) {
    return started().inexactCopy(template);
  }

  @Override
  public String sessionReset() {
    return started().sessionReset();
  }

  @Override
  public String withoutRowValues(String message) {
    return started().withoutRowValues(message);
  }

  @Override
  public String quote(String identifier) {
    return started().quote(identifier);
  }
}
