package dev.rehearsal.database;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The columns of one table and the foreign keys it holds, as the driver's metadata reports them: what a generated
 * seed needs to know to fill every column.
 */
public record TableShape(List<Column> columns, List<ForeignKey> foreignKeys) {

  public TableShape {
    columns = List.copyOf(columns);
    foreignKeys = List.copyOf(foreignKeys);
  }

  /**
   * One column.
   *
   * @param type the type's name as the engine reports it ({@code int4}, {@code varchar}, {@code INTEGER})
   * @param filled whether the database fills it when an insert leaves it out (a default, identity, generated)
   */
  public record Column(String name, String type, boolean nullable, boolean filled) {
    public Column {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
    }
  }

  /** {@code columns} of this table reference {@code parentColumns} of {@code parent}, in the same order. */
  public record ForeignKey(List<String> columns, Relation parent, List<String> parentColumns) {
    public ForeignKey {
      columns = List.copyOf(columns);
      Objects.requireNonNull(parent, "parent");
      parentColumns = List.copyOf(parentColumns);
    }
  }

  /** A name as a {@link DatabaseMetaData} pattern that matches it alone; null stays null (any). */
  private static String pattern(String name, String escape) {
    if (name == null || escape == null || escape.isEmpty()) {
      return name;
    }
    return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
  }

  /** Reads the shape of {@code table} through {@link DatabaseMetaData}. */
  static TableShape read(Connection connection, Relation table, String metaCatalog, String metaSchema)
      throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    List<Column> columns = new ArrayList<>();
    // getColumns takes patterns: '_' and '%' in a name are escaped, or order_items would also read order1items.
    String escape = meta.getSearchStringEscape();
    try (ResultSet rs = meta.getColumns(metaCatalog, pattern(metaSchema, escape), pattern(table.name(), escape),
        "%")) {
      while (rs.next()) {
        boolean filled = rs.getString("COLUMN_DEF") != null || "YES".equals(rs.getString("IS_AUTOINCREMENT"))
            || "YES".equals(rs.getString("IS_GENERATEDCOLUMN"));
        columns.add(new Column(rs.getString("COLUMN_NAME"), String.valueOf(rs.getString("TYPE_NAME")),
            rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls, filled));
      }
    }
    Map<String, List<String[]>> keys = new LinkedHashMap<>();
    Map<String, Relation> parents = new LinkedHashMap<>();
    try (ResultSet rs = meta.getImportedKeys(metaCatalog, metaSchema, table.name())) {
      while (rs.next()) {
        String parentSchema = rs.getString("PKTABLE_SCHEM");
        Relation parent = new Relation(parentSchema == null ? table.schema() : parentSchema,
            rs.getString("PKTABLE_NAME"));
        // Grouped by constraint name; a driver without names (SQLite) starts each key at KEY_SEQ 1.
        String fkName = rs.getString("FK_NAME");
        String name = fkName != null && !fkName.isEmpty() ? parent.qualified() + "/" + fkName
            : rs.getInt("KEY_SEQ") == 1 ? "#" + keys.size() : "#" + (keys.size() - 1);
        parents.put(name, parent);
        keys.computeIfAbsent(name, k -> new ArrayList<>())
            .add(new String[] {rs.getString("FKCOLUMN_NAME"), rs.getString("PKCOLUMN_NAME")});
      }
    }
    List<ForeignKey> foreignKeys = new ArrayList<>();
    keys.forEach((name, pairs) -> foreignKeys.add(new ForeignKey(pairs.stream().map(p -> p[0]).toList(),
        parents.get(name), pairs.stream().map(p -> p[1]).toList())));
    return new TableShape(columns, foreignKeys);
  }
}
