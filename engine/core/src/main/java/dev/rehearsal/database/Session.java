package dev.rehearsal.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One connection used by one step to look at or fill the database. Table names are resolved through the catalog
 * ({@link #table}) and quoted for the engine when used in SQL; values are always bound as parameters.
 */
public final class Session implements AutoCloseable {

  private static final int BATCH = 500;

  private final Database database;
  private final Connection connection;
  private Relations relations;

  public Session(Database database, Connector connector) {
    this.database = database;
    this.connection = connector.connect();
  }

  /**
   * The table or view a scenario names ({@code users} or {@code shadow.users}), resolved exactly as
   * {@link Relations#find} says; the catalog is read once per session.
   */
  public TableLookup table(String typed) {
    return relations().find(typed);
  }

  /** The schemas, search path, tables and views of the database, read once per session. */
  public Relations relations() {
    if (relations == null) {
      try {
        relations = database.catalog().relations(connection);
      } catch (SQLException e) {
        throw DatabaseException.of("cannot list tables", e);
      }
    }
    return relations;
  }

  /** Every value of one column, in no particular order (for the few columns a scenario asks to keep). */
  public List<Object> columnValues(Relation table, String column) {
    String sql = "SELECT " + database.quote(column) + " FROM " + sql(table);
    List<Object> values = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getObject(1));
      }
      return values;
    } catch (SQLException e) {
      throw DatabaseException.of("cannot read " + relations().shown(table) + "." + column, e);
    }
  }

  /** Column names of a table or view, in table order. */
  public List<String> columns(Relation table) {
    try {
      return database.catalog().columns(connection, table);
    } catch (SQLException e) {
      throw DatabaseException.of("cannot list the columns of " + relations().shown(table), e);
    }
  }

  /** Counted in the database, one query. */
  public long rowCount(Relation table) {
    String sql = "SELECT count(*) FROM " + sql(table);
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw DatabaseException.of("cannot count the rows of " + relations().shown(table), e);
    }
  }

  /** Every fact of the schema, without the tables named in {@code excluded} (the changelog). */
  public List<SchemaFact> schemaFacts(Set<String> excluded) {
    try {
      return database.catalog().facts(connection, excluded);
    } catch (SQLException e) {
      throw DatabaseException.of("cannot read the schema", e);
    }
  }

  /**
   * The content fingerprint of every base table but {@code excludedTables} (the changelog), by table, each computed
   * in the database (in as few round trips as the engine allows); the tables and their columns come from one
   * catalog query.
   */
  public Map<String, TableFingerprint> fingerprints(Set<String> excludedTables) {
    Map<String, List<String>> tables = new LinkedHashMap<>();
    try {
      database.catalog().tables(connection, excludedTables).forEach((table, names) -> {
        List<String> columns = new ArrayList<>(names);
        columns.sort(String.CASE_INSENSITIVE_ORDER);
        tables.put(table, columns);
      });
    } catch (SQLException e) {
      throw DatabaseException.of("cannot list tables", e);
    }
    try {
      return database.catalog().fingerprints(connection, tables);
    } catch (SQLException batch) {
      // Table by table again, for the error to name the table it is about.
      Map<String, TableFingerprint> fingerprints = new LinkedHashMap<>();
      for (Map.Entry<String, List<String>> table : tables.entrySet()) {
        try {
          fingerprints.put(table.getKey(), database.catalog().fingerprint(connection, table.getKey(),
              table.getValue()));
        } catch (SQLException e) {
          throw DatabaseException.of("cannot fingerprint the data of " + table.getKey(), e);
        }
      }
      return fingerprints;
    }
  }


  /** Runs a query written by the scenario author and returns every row. */
  public List<List<Object>> query(String sql) {
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      ResultSetMetaData meta = rs.getMetaData();
      List<List<Object>> rows = new ArrayList<>();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw DatabaseException.of("query failed", e);
    }
  }

  /**
   * Loads a CSV file with the engine's bulk loader, when it has one (one statement, so all or nothing).
   *
   * @return the rows loaded, or empty when the engine has none
   */
  public java.util.OptionalLong copyCsv(Relation table, List<String> columns, java.nio.file.Path csv) {
    try {
      return database.copyCsv(connection, table.qualified(), columns, csv);
    } catch (SQLException e) {
      throw DatabaseException.of("cannot load " + csv.getFileName() + " into " + relations().shown(table), e);
    }
  }

  /**
   * Inserts rows into one table, in batches, inside the caller's {@link #transaction}; {@code where} names each row's
   * origin for errors.
   *
   * @param columns the column names
   * @param rows the values, one list per row, in column order
   */
  public void insert(Relation table, List<String> columns, Iterable<List<Object>> rows, RowOrigin where) {
    String sql = "INSERT INTO " + sql(table) + " ("
        + String.join(", ", columns.stream().map(database::quote).toList()) + ") VALUES ("
        + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
    int index = 0;
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      List<List<Object>> batch = new ArrayList<>();
      for (List<Object> row : rows) {
        index++;
        bind(statement, row);
        statement.addBatch();
        batch.add(row);
        if (batch.size() == BATCH) {
          executeBatch(statement, batch, index - batch.size() + 1, table, where);
          batch.clear();
        }
      }
      if (!batch.isEmpty()) {
        executeBatch(statement, batch, index - batch.size() + 1, table, where);
      }
    } catch (SQLException e) {
      // Before any row: the statement itself (a table or column that is not there).
      throw DatabaseException.of("cannot insert into " + relations().shown(table) + " (" + where.describe(0) + ")",
          e);
    }
  }

  private static void bind(PreparedStatement statement, List<Object> row) throws SQLException {
    for (int i = 0; i < row.size(); i++) {
      statement.setObject(i + 1, row.get(i));
    }
  }

  /**
   * Runs one batch. When it fails, the drivers do not say which row did (SQLite stops without counts; PostgreSQL
   * marks every row failed), so the batch is undone to a savepoint and run again row by row to name the one.
   */
  private void executeBatch(PreparedStatement statement, List<List<Object>> batch, int first, Relation table,
      RowOrigin where) throws SQLException {
    java.sql.Savepoint before = connection.getAutoCommit() ? null : connection.setSavepoint();
    try {
      statement.executeBatch();
    } catch (SQLException failed) {
      statement.clearBatch();
      if (before != null) {
        connection.rollback(before);
      }
      for (int i = 0; i < batch.size(); i++) {
        bind(statement, batch.get(i));
        try {
          statement.executeUpdate();
        } catch (SQLException e) {
          throw DatabaseException.of("cannot insert into " + relations().shown(table) + " ("
              + where.describe(first + i) + ")", e);
        }
      }
      throw DatabaseException.of("cannot insert into " + relations().shown(table) + " (" + where.describe(first)
          + " and the "
          + (batch.size() - 1) + " rows after it)", failed);
    }
    if (before != null) {
      connection.releaseSavepoint(before);
    }
  }

  /** The columns and foreign keys of {@code table}, for rows generated in the database. */
  public TableShape shape(Relation table) {
    try {
      SeedDialect dialect = database.seedDialect();
      return TableShape.read(connection, table, dialect.metadataCatalog(table.schema()),
          dialect.metadataSchema(table.schema()));
    } catch (SQLException e) {
      throw DatabaseException.of("cannot read the columns of " + relations().shown(table), e);
    }
  }

  /**
   * Runs one statement that writes rows ({@code INSERT ... SELECT}) with {@code parameters} bound, inside the
   * caller's {@link #transaction}.
   *
   * @return the rows it wrote
   */
  public long write(String sql, List<Object> parameters, String doing) {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw DatabaseException.of(doing, e);
    }
  }

  /** The largest value of a whole-number column, or 0 when the table is empty. */
  public long largest(Relation table, String column) {
    String sql = "SELECT coalesce(max(" + database.quote(column) + "), 0) FROM " + sql(table);
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw DatabaseException.of("cannot read the largest " + column + " of " + relations().shown(table), e);
    }
  }

  /** {@code table} as this engine's SQL names it, each part quoted. */
  public String sqlName(Relation table) {
    return sql(table);
  }

  /** {@code column} quoted for this engine. */
  public String quote(String column) {
    return database.quote(column);
  }

  /** Runs {@code work} ({@link #insert}s) in one transaction: all of it is committed, or none when it throws. */
  public void transaction(Runnable work) {
    try {
      connection.setAutoCommit(false);
    } catch (SQLException e) {
      throw DatabaseException.of("cannot begin a transaction", e);
    }
    try {
      work.run();
      connection.commit();
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      rollbackQuietly();
      throw DatabaseException.of("cannot commit", e);
    } catch (RuntimeException e) {
      rollbackQuietly();
      throw e;
    }
  }

  private void rollbackQuietly() {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // the insert's own error is the one to report
    }
  }

  /** The table's name for SQL: schema and name quoted each on its own. */
  private String sql(Relation table) {
    return database.quote(table.schema()) + "." + database.quote(table.name());
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw DatabaseException.of("cannot close the connection", e);
    }
  }

  /** Says where a row came from, for messages: a fixture line, or a row number. */
  @FunctionalInterface
  public interface RowOrigin {
    /** @param index 1-based index of the row that failed, or 0 when the statement failed before any row */
    String describe(int index);
  }
}
