package dev.rehearsal.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Rows to insert into one table.
 *
 * @param table the table name (checked to be a plain or schema-qualified identifier)
 * @param rows each row maps column names to values ({@code String}, {@code Long}, {@code BigDecimal},
 *     {@code Boolean} or {@code null}) in the order written
 */
public record TableRows(String table, List<Row> rows) {

  public TableRows {
    Objects.requireNonNull(table, "table");
    rows = List.copyOf(rows);
  }

  /** One row; values may be null, so this is not a {@code Map.copyOf}. */
  public record Row(Map<String, Object> values, SourcePosition position) {
    public Row {
      values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
      Objects.requireNonNull(position, "position");
    }
  }
}
