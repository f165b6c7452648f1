package dev.rehearsal.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;

/**
 * Reads, on the connection a migration script runs on and inside its transaction, the relation locks that
 * connection's own session holds and the file behind each relation, so a tracer can tell what each statement took
 * and rewrote. Only engines that can show their own session's locks have one ({@link Database#lockProbe()}).
 */
public interface LockProbe {

  /** A relation lock held: the relation's identity, its name for people, and the mode as the engine names it. */
  record Held(long relation, String name, String mode) {}

  /** The locks this session holds now, on relations of the database (not the engine's own catalogs). */
  Set<Held> locks(Connection connection) throws SQLException;

  /** The storage file of every relation of the database, by identity, named: a new file is a rewrite. */
  Map<Long, File> files(Connection connection) throws SQLException;

  /** The file behind one relation, and the relation's name and kind ({@code table}, {@code index}, ...). */
  record File(String name, String kind, long file) {}

  /** Why {@code sql} will not be traced (it cannot run inside a transaction), or null when it will be. */
  String untraceable(String sql);
}
