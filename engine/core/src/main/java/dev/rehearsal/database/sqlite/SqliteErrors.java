package dev.rehearsal.database.sqlite;

import java.sql.SQLException;
import org.sqlite.SQLiteException;

/** What SQLite's terse messages mean for a Rehearsal connection, when they do not say it themselves. */
public final class SqliteErrors {

  private SqliteErrors() {}

  /** What {@code e} means, as text to append to its message (starting with " — "), or "" when it is plain. */
  public static String meaning(SQLException e) {
    if (!(e instanceof SQLiteException)) {
      return "";
    }
    String message = String.valueOf(e.getMessage());
    if (message.contains("too many attached databases - max 0")) {
      return " — SQLite steps and migrations stay in their own file: ATTACH DATABASE, VACUUM INTO and VACUUM are "
          + "refused (they open another file); work on the scenario's database only";
    }
    if (message.contains("(not authorized)")) {
      return " — SQLite steps and migrations cannot load extensions (load_extension is off)";
    }
    return "";
  }
}
