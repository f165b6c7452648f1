package dev.rehearsal.database.mariadb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Ends the sessions of a scratch user before its database is dropped: MariaDB's {@code DROP DATABASE} waits for
 * the metadata locks of open transactions (PostgreSQL's {@code WITH (FORCE)} does this itself).
 */
final class Sessions {

  private Sessions() {}

  static void end(Connection door, String user) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement query = door.prepareStatement(
        "SELECT ID FROM information_schema.PROCESSLIST WHERE USER = ? AND ID <> CONNECTION_ID()")) {
      query.setString(1, user);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    try (Statement statement = door.createStatement()) {
      for (long id : ids) {
        try {
          statement.execute("KILL CONNECTION " + id);
        } catch (SQLException gone) {
          // 1094 unknown thread: it ended by itself meanwhile
          if (gone.getErrorCode() != 1094) {
            throw gone;
          }
        }
      }
    }
  }
}
