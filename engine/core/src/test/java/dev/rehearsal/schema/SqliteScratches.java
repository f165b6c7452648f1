package dev.rehearsal.schema;

import dev.rehearsal.database.ScratchDatabase;
import dev.rehearsal.database.Session;
import dev.rehearsal.database.sqlite.SqliteDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Real SQLite scratch databases built from statements, and their snapshots; {@link #close()} drops them all. */
final class SqliteScratches implements AutoCloseable {

  private final SqliteDatabase sqlite = new SqliteDatabase("sqlite");
  private final List<ScratchDatabase> created = new ArrayList<>();

  ScratchDatabase create(String... statements) {
    ScratchDatabase scratch = sqlite.createScratch("diff");
    created.add(scratch);
    try (Connection connection = scratch.connect(); Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new AssertionError(e.getMessage(), e);
    }
    return scratch;
  }

  SchemaSnapshot schema(String... statements) {
    try (Session session = new Session(sqlite, create(statements))) {
      return Snapshots.schema(session, "CHANGELOG");
    }
  }

  DataSnapshot data(List<String> valueColumns, String... statements) {
    try (Session session = new Session(sqlite, create(statements))) {
      return Snapshots.data(session, "CHANGELOG", valueColumns);
    }
  }

  @Override
  public void close() {
    created.forEach(ScratchDatabase::close);
  }
}
