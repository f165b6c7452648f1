package dev.rehearsal.migrations;

import dev.rehearsal.database.Connector;
import dev.rehearsal.database.DatabaseException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import org.apache.ibatis.migration.VariableReplacer;
import org.apache.ibatis.migration.operations.ScriptRunner;

/**
 * Runs a SQL script (a {@code sql:} step or a {@code .sql} fixture) as MyBatis runs a migration script: the
 * environment's delimiter rules, {@code ${variables}} replaced, one transaction. The variables are the environment
 * file's own ({@link MigrationRepository#scenarioVariables}), not those MyBatis also takes from the process.
 */
public final class ScriptExecutor {

  private final MigrationRepository repository;

  public ScriptExecutor(MigrationRepository repository) {
    this.repository = repository;
  }

  /**
   * Runs {@code script} in a new connection from {@code connector}.
   *
   * @param what names the script in the error message, e.g. {@code fixtures/users.sql}
   * @throws MigrationFailedException with the failing statement and the driver's message
   */
  public void run(String script, String what, Connector connector) {
    // Scenario SQL: the environment file's variables only, never the process environment (MIGRATIONS_*).
    String text = new VariableReplacer(repository.scenarioVariables()).replace(script);
    try (Connection connection = connector.connect()) {
      ScriptRunner runner = new ScriptRunner(connection);
      Writer discard = Writer.nullWriter();
      runner.setLogWriter(new PrintWriter(discard));
      runner.setErrorLogWriter(new PrintWriter(new StringWriter()));
      runner.setStopOnError(true);
      runner.setThrowWarning(false);
      runner.setEscapeProcessing(false);
      runner.setAutoCommit(false);
      runner.setDelimiter(repository.options().getDelimiter());
      runner.setFullLineDelimiter(repository.options().isFullLineDelimiter());
      runner.setSendFullScript(repository.options().isSendFullScript());
      runner.setRemoveCRs(repository.options().isRemoveCRs());
      runner.runScript(new StringReader(text));
    } catch (SQLException e) {
      throw MigrationFailedException.from(what, null, e);
    } catch (DatabaseException e) {
      throw e;
    } catch (RuntimeException e) {
      throw MigrationFailedException.from(what, null, e);
    }
  }
}
