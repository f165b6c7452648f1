package dev.rehearsal.steps;

import dev.rehearsal.database.Database;
import dev.rehearsal.database.postgres.PostgresDatabase;
import dev.rehearsal.testing.PostgresServer;
import dev.rehearsal.testing.RequiresPostgres;

/** Simulated failures on PostgreSQL; the delimited block is a PL/pgSQL function with a $$ body. */
@RequiresPostgres
class PostgresFailStepsTest extends FailStepsContract {

  private final PostgresDatabase postgres = new PostgresDatabase("postgres", PostgresServer.url(), "5min", "30s");

  @Override
  Database database() {
    return postgres;
  }

  @Override
  String environment() {
    return "postgres";
  }

  @Override
  String auditUp() {
    return """
        CREATE TABLE audit (user_id INTEGER, action VARCHAR(20));
        -- @DELIMITER ~
        CREATE FUNCTION audit_user() RETURNS trigger AS $$
        BEGIN
          INSERT INTO audit (user_id, action) VALUES (NEW.id, 'created');
          RETURN NEW;
        END;
        $$ LANGUAGE plpgsql~
        -- @DELIMITER ;
        CREATE TRIGGER tr_users_audit AFTER INSERT ON users FOR EACH ROW EXECUTE FUNCTION audit_user();""";
  }

  @Override
  String auditUndo() {
    return """
        DROP TRIGGER tr_users_audit ON users;
        DROP FUNCTION audit_user();
        DROP TABLE audit;""";
  }

  @Override
  String noSuchTable(String table) {
    // PostgreSQL cuts identifiers at 63 bytes; the full text is in the statement line of the message.
    String shown = table.length() > 63 ? table.substring(0, 63) : table;
    return "ERROR: relation \"" + shown + "\" does not exist" + System.lineSeparator() + "  Position: 15 "
        + "(SQLState 42P01)";
  }
}
