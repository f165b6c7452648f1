package dev.rehearsal.database;

/**
 * What differs between engines when rows are generated inside the database ({@code seed: {generate: ...}}): where
 * the row numbers come from, date arithmetic and casts. Everything else of the generating statement is the SQL both
 * engines share.
 */
public interface SeedDialect {

  /** A query of one column {@code i}, a bigint from 1 to the value of the one parameter it holds. */
  String rowNumbers();

  /** The date {@code days} (a whole-number expression) after the date given by the one parameter it holds. */
  String daysAfter(String days);

  /** {@code expression} as a value of the column type {@code type}, as the driver's metadata names it. */
  String cast(String expression, String type);

  /**
   * Statements run in the generating transaction before it, for speed only (they end with it); none by default.
   */
  default java.util.List<String> settings() {
    return java.util.List.of();
  }

  /** {@code expression} (a whole number) as text. The default is the standard's {@code CAST(... AS TEXT)}. */
  default String text(String expression) {
    return "CAST(" + expression + " AS TEXT)";
  }

  /** The text of {@code parts} one after the other. The default is the standard's {@code ||}. */
  default String concat(String... parts) {
    return "(" + String.join(" || ", parts) + ")";
  }

  /** The schema to pass to {@link java.sql.DatabaseMetaData} for a table of {@code schema}. */
  String metadataSchema(String schema);

  /**
   * The catalog to pass to {@link java.sql.DatabaseMetaData} for a table of {@code schema}; null (any) by default.
   * A driver that calls databases catalogs (MariaDB's) needs the table's own, or it reads every database alike.
   */
  default String metadataCatalog(String schema) {
    return null;
  }
}
