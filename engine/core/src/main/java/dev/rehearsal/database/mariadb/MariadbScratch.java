package dev.rehearsal.database.mariadb;

import dev.rehearsal.database.ScratchDatabase;
import java.sql.Connection;

/**
 * A database on the server that this run created, with the marker written on it and the user created for it; steps
 * connect as that user. Closing drops it (ending that user's sessions first) and then the user, each only while it
 * is still the one this run created.
 */
final class MariadbScratch implements ScratchDatabase {

  private final MariadbScratches scratches;
  private final String database;
  private final String marker;
  private final ScratchUsers.User user;
  private final MariadbUrl steps;
  private volatile boolean keep;
  private volatile java.nio.file.Path dump;
  private volatile boolean settled;

  MariadbScratch(MariadbScratches scratches, String database, String marker, ScratchUsers.User user,
      MariadbUrl steps) {
    this.scratches = scratches;
    this.database = database;
    this.marker = marker;
    this.user = user;
    this.steps = steps;
  }

  @Override
  public Connection connect() {
    return scratches.connect(steps, "scratch database " + database);
  }

  @Override
  public String location() {
    return database;
  }

  /** The door user's client command: the scratch user's password is not shown anywhere. */
  @Override
  public String openCommand() {
    return scratches.doorUrl().withDatabase(database).client();
  }

  @Override
  public void keep() {
    keep = true;
  }

  String marker() {
    return marker;
  }

  ScratchUsers.User user() {
    return user;
  }

  /** The dump of a cached state, once written, or null. */
  java.nio.file.Path dump() {
    return dump;
  }

  void dumped(java.nio.file.Path file) {
    this.dump = file;
  }

  /** The URL steps connect with (the scratch user's). */
  MariadbUrl stepsUrl() {
    return steps;
  }

  @Override
  public synchronized void close() {
    if (dump != null) {
      try {
        java.nio.file.Files.deleteIfExists(dump);
      } catch (java.io.IOException ignored) {
        // a temporary file; deleted on exit otherwise
      }
      dump = null;
    }
    if (!keep && !settled) {
      settled = scratches.drop(this);
    }
    if (keep || settled) {
      scratches.settled(this);
    }
  }
}
