package dev.rehearsal.database;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One configured database engine. Everything that differs between engines lives behind this interface, in one
 * package per engine; the interpreter only sees this type.
 */
public interface Database {

  /** The configured name, as scenarios list it under {@code databases:}. */
  String name();

  /** The engine, e.g. {@code sqlite}. */
  String kind();

  /** The engine's version, as reported by the driver or server, for reports. */
  String version();

  /**
   * Creates an empty database for one scenario run.
   *
   * @param label a short name for the run, used in file or database names
   * @throws DatabaseException when it cannot be created
   */
  ScratchDatabase createScratch(String label);

  /**
   * Creates a scratch database as a copy of another one, which must have no open connection: a copy of the file for
   * SQLite, {@code CREATE DATABASE ... TEMPLATE} for PostgreSQL. Used to start scenario runs from a cached
   * migrated state instead of migrating from empty every time.
   *
   * @throws DatabaseException when it cannot be created
   */
  ScratchDatabase createScratchFrom(ScratchDatabase template, String label);

  /**
   * Connects to an existing database the operator named ({@code --db}: a file for SQLite, a database name for a
   * server). Steps of scenarios never run there; only the operator commands ({@code status}, {@code apply},
   * {@code rollback}) do.
   *
   * @throws DatabaseException when it does not exist or cannot be opened
   */
  Connector existing(String location);

  /**
   * Drops scratch databases that earlier runs left behind (a crash, a kill -9): only those whose name and marker
   * say Rehearsal created them, and only when older than {@code olderThan}.
   *
   * @return what was dropped, for people
   * @throws DatabaseException when the server cannot be reached
   */
  default List<String> clean(Duration olderThan) {
    return clean(olderThan, skipped -> {}, young -> {});
  }

  /**
   * As {@link #clean(Duration)}, telling {@code skipped} about each database or role that looks like Rehearsal's
   * but was left, and why (too young, a marker or owner that does not say Rehearsal, a drop that failed).
   */
  default List<String> clean(Duration olderThan, java.util.function.Consumer<String> skipped) {
    return clean(olderThan, skipped, skipped);
  }

  /**
   * The clean every engine implements: as {@link #clean(Duration, java.util.function.Consumer)}, telling
   * {@code young} instead of {@code skipped} about what is Rehearsal's but was left only because it is younger than
   * {@code olderThan} (a role's or user's line starts with {@code role } or {@code user }), so that a caller can
   * count them and say how to drop them.
   */
  List<String> clean(Duration olderThan, java.util.function.Consumer<String> skipped,
      java.util.function.Consumer<String> young);

  /** This engine's backup tool: backups written through Rehearsal, read back, restored. */
  BackupTool backups();

  /**
   * Loads a CSV file (header line, then rows; an empty unquoted field is NULL) into a table with the engine's bulk
   * loader, when it has one ({@code COPY ... FROM STDIN} on PostgreSQL).
   *
   * @return the rows loaded, or empty when the engine has no bulk loader (the caller then inserts in batches)
   * @throws java.sql.SQLException when the load fails
   */
  default java.util.OptionalLong copyCsv(java.sql.Connection connection, String table, List<String> columns,
      Path csv) throws java.sql.SQLException {
    return java.util.OptionalLong.empty();
  }

  /**
   * Reads the locks and relation files of a script's own session for {@code trace: true}, or null when this engine
   * cannot show them (then a trace has statement times only).
   */
  default LockProbe lockProbe() {
    return null;
  }

  /** How this engine generates seed rows inside the database, or null when it cannot. */
  default SeedDialect seedDialect() {
    return null;
  }

  /** Reads this engine's catalog: schema facts and table fingerprints. */
  Catalog catalog();

  /**
   * The portable class of a driver error, as this engine's codes say (SQLState, result codes; the message where the
   * engine has no code), with the code itself; the mapping lives in the engine's package ({@code *Errors}).
   */
  ClassifiedError classify(java.sql.SQLException error);

  /**
   * Drops every scratch database this instance created and that is neither dropped nor kept yet; the shutdown hook's
   * last sweep on Ctrl-C or SIGTERM. Engines whose scratch databases are files in a temporary directory do nothing.
   */
  default void dropLeftovers() {}

  /**
   * The run is over: what the database started for it (a private server) stops and is deleted. A later run starts
   * it again. Nothing to do for a database that started nothing.
   */
  default void release() {}

  /**
   * What this instance could not drop, or would not (a name that no longer has the identity recorded when it was
   * created), since the last call: one line each, for the run to report. Engines whose scratch databases are
   * temporary files have none.
   */
  default List<String> dropProblems() {
    return List.of();
  }

  /**
   * Lines to show once per run about how this database is used, e.g. that steps run with more privileges than a
   * scratch database needs; never throws (an unreachable server has none: the scenario runs report it).
   */
  default List<String> notices() {
    return List.of();
  }

  /**
   * Prepares {@code template}, a scratch database just migrated to a state, for {@link #createScratchFrom}, and says
   * why a copy would not be what the same migrations leave in a new database (then the state is not cached), or
   * empty when copies are exact. The default, for engines whose copy is a file copy, is empty.
   *
   * @throws DatabaseException when the server cannot be reached
   */
  default java.util.Optional<String> inexactCopy(ScratchDatabase template) {
    return java.util.Optional.empty();
  }

  /**
   * A statement that returns a connection's session to the state of a new one (temporary tables, settings, prepared
   * statements, locks, cursors), or null when the engine has none: then a step that must not let one operation see
   * what an earlier one left in its session opens a new connection for each.
   */
  default String sessionReset() {
    return null;
  }

  /**
   * {@code message} (the database's, or its tools') without the row values it quotes, for the reports of a run on
   * restored data ({@link RowValues}). An engine whose messages quote values in other forms adds them here (MariaDB:
   * {@code Duplicate entry '...' for key}, {@code Incorrect integer value: '...'}).
   */
  default String withoutRowValues(String message) {
    return RowValues.masked(message);
  }

  /**
   * Quotes a table or column name (optionally {@code schema.name}) for this engine. The default is the SQL
   * standard's double quotes, doubled inside, which SQLite and PostgreSQL both use.
   */
  default String quote(String identifier) {
    return java.util.Arrays.stream(identifier.split("\\."))
        .map(part -> "\"" + part.replace("\"", "\"\"") + "\"")
        .collect(java.util.stream.Collectors.joining("."));
  }
}
