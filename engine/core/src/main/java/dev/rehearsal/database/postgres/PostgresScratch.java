package dev.rehearsal.database.postgres;

import dev.rehearsal.database.DatabaseException;
import dev.rehearsal.database.ScratchDatabase;
import java.sql.Connection;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A database on the server that this run created; closing drops it (forcing out any connection left open). */
final class PostgresScratch implements ScratchDatabase {

  private static final Logger LOG = Logger.getLogger(PostgresScratch.class.getName());

  private final PostgresDatabase server;
  private final String database;
  private final PgUrl url;
  private volatile boolean keep;
  private volatile boolean dropped;

  PostgresScratch(PostgresDatabase server, String database, PgUrl url) {
    this.server = server;
    this.database = database;
    this.url = url;
  }

  @Override
  public Connection connect() {
    return server.connect(url, "scratch database " + database);
  }

  @Override
  public String location() {
    return database;
  }

  @Override
  public String openCommand() {
    return url.psql();
  }

  @Override
  public void keep() {
    keep = true;
  }

  @Override
  public synchronized void close() {
    if (keep || dropped) {
      server.settled(this);
      return;
    }
    try {
      server.drop(database);
      dropped = true;
      server.settled(this);
    } catch (DatabaseException e) {
      LOG.log(Level.WARNING, e, () -> "could not drop scratch database " + database
          + "; 'rehearse clean' will drop it later");
    }
  }
}
