package dev.rehearsal.database.postgres;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** What Rehearsal's own reading sessions on PostgreSQL share: their settings, and batches of queries. */
final class PgSessions {

  /**
   * Sent at the head of every batch of Rehearsal's catalog and fingerprint queries: on a server that allows parallel
   * workers, PostgreSQL starts them for catalog joins that take a millisecond, and starting them costs more. Only
   * Rehearsal's reading sessions get it; migrations and scenario SQL run on sessions of their own, as the server's
   * settings make them.
   */
  static final String NO_PARALLEL_WORKERS = "SET max_parallel_workers_per_gather = 0";

  private PgSessions() {}

  /** Moves {@code statement}, run with {@code execute()}, to its next result set, past update counts. */
  static void nextResult(PreparedStatement statement) throws SQLException {
    while (!statement.getMoreResults()) {
      if (statement.getUpdateCount() == -1) {
        throw new SQLException("a batch of queries ended before all its results were read");
      }
    }
  }
}
