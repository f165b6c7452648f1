package dev.rehearsal.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rehearsal.database.Database;
import dev.rehearsal.database.sqlite.SqliteDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;

/** Simulated failures on SQLite; the delimited block is a trigger whose body holds a statement of its own. */
class SqliteFailStepsTest extends FailStepsContract {

  private final SqliteDatabase sqlite = new SqliteDatabase("sqlite");

  @Override
  Database database() {
    return sqlite;
  }

  @Override
  String environment() {
    return "sqlite";
  }

  @Override
  String auditUp() {
    return """
        CREATE TABLE audit (user_id INTEGER, action VARCHAR(20));
        -- @DELIMITER ~
        CREATE TRIGGER tr_users_audit AFTER INSERT ON users
        BEGIN
          INSERT INTO audit (user_id, action) VALUES (NEW.id, 'created');
        END~
        -- @DELIMITER ;
        CREATE INDEX ix_audit_user ON audit (user_id);""";
  }

  @Override
  String auditUndo() {
    return """
        DROP TRIGGER tr_users_audit;
        DROP TABLE audit;""";
  }

  @Override
  String noSuchTable(String table) {
    return "[SQLITE_ERROR] SQL error or missing database (no such table: " + table + ")";
  }

  @Test
  void theScriptOnDiskIsNeverEdited() throws IOException {
    Path file = project.resolve("migrations/scripts").resolve(NICKNAME_FILE);
    byte[] before = Files.readAllBytes(file);
    FileTime modified = Files.getLastModifiedTime(file);

    steps.runAll("""
        - fail: {migration: 20240102000000, at_statement: 1, mode: disconnect}
        - apply: {to: head, expect_error: simulated disconnect}
        - fail: {migration: 20240102000000, at_statement: 2}
        - apply: {to: head, expect_error: simulated failure}
        """);

    assertEquals(new String(before), Files.readString(file));
    assertEquals(modified, Files.getLastModifiedTime(file));
  }
}
