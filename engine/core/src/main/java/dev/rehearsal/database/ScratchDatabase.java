package dev.rehearsal.database;

/**
 * A database that Rehearsal created for one scenario run and is the only place steps run in. Closing it drops it,
 * unless {@link #keep()} was called.
 */
public interface ScratchDatabase extends Connector, AutoCloseable {

  /** Where it is, for people: a file path or a database name. */
  String location();

  /** How to open it by hand once kept, e.g. {@code sqlite3 /tmp/...}. */
  String openCommand();

  /** Do not drop it on close, so it can be inspected. */
  void keep();

  /** Drops the database (or keeps it, after {@link #keep()}); never throws. */
  @Override
  void close();
}
