package dev.rehearsal.database;

import java.sql.Connection;

/** Opens connections to one database. Each step asks for a fresh connection and closes it. */
@FunctionalInterface
public interface Connector {

  /**
   * A new connection in auto-commit mode.
   *
   * @throws DatabaseException when the database cannot be reached
   */
  Connection connect();
}
