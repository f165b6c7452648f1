package dev.rehearsal.database;

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
  List<String> clean(Duration olderThan);

  /** Reads this engine's catalog: schema facts and table fingerprints. */
  Catalog catalog();

  /** Quotes a table or column name (optionally {@code schema.name}) for this engine. */
  String quote(String identifier);
}
