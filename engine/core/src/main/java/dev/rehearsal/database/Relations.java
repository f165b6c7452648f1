package dev.rehearsal.database;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * The tables and views of a database with its schemas and the search path of one connection, read from the catalog
 * once, and the rule by which a scenario's name finds one of them: exactly, never as a pattern; ignoring case, as
 * unquoted SQL names are, but an exact spelling wins over one that differs only in case.
 *
 * <ul>
 *   <li>{@code schema.table} looks in that schema only; a schema that does not exist is named as missing;</li>
 *   <li>{@code table} looks through the search path in order ({@code current_schemas(false)} on PostgreSQL,
 *       {@code temp} then {@code main} on SQLite), as an unqualified name in SQL does.</li>
 * </ul>
 *
 * @param schemas every schema a name may qualify with
 * @param searchPath the schemas an unqualified name is looked up in, in order
 * @param relations every user table and view
 */
public record Relations(List<String> schemas, List<String> searchPath, List<Relation> relations) {

  public Relations {
    schemas = List.copyOf(schemas);
    searchPath = List.copyOf(searchPath);
    relations = List.copyOf(relations);
  }

  /** The table or view {@code typed} names ({@code name} or {@code schema.name}). */
  public TableLookup find(String typed) {
    Objects.requireNonNull(typed, "typed");
    int dot = typed.indexOf('.');
    if (dot >= 0) {
      String schemaTyped = typed.substring(0, dot);
      String nameTyped = typed.substring(dot + 1);
      String schema = match(schemaTyped, schemas, Function.identity());
      if (schema == null) {
        return TableLookup.noSchema("no schema " + schemaTyped + " — the schemas are " + String.join(", ", schemas));
      }
      Relation found = match(nameTyped, inSchema(schema), Relation::name);
      return found != null ? TableLookup.of(found) : TableLookup.none("no table " + schema + "." + nameTyped);
    }
    for (String schema : searchPath) {
      Relation found = match(typed, inSchema(schema), Relation::name);
      if (found != null) {
        return TableLookup.of(found);
      }
    }
    List<String> elsewhere = relations.stream().filter(r -> r.name().equalsIgnoreCase(typed))
        .map(Relation::qualified).toList();
    return TableLookup.none("no table " + typed + (elsewhere.isEmpty() ? "" : " in " + String.join(", ", searchPath)
        + " (there is " + String.join(", ", elsewhere) + " — name it with its schema)"));
  }

  /** How messages name {@code table}: without its schema when it is the first of the search path. */
  public String shown(Relation table) {
    return !searchPath.isEmpty() && searchPath.get(0).equals(table.schema()) ? table.name() : table.qualified();
  }

  private List<Relation> inSchema(String schema) {
    return relations.stream().filter(r -> r.schema().equals(schema)).toList();
  }

  /** The candidate spelled exactly as typed, else the only one that differs in case, else null. */
  private static <T> T match(String typed, List<T> candidates, Function<T, String> name) {
    List<T> ignoringCase = new ArrayList<>();
    for (T candidate : candidates) {
      String real = name.apply(candidate);
      if (real.equals(typed)) {
        return candidate;
      }
      if (real.toLowerCase(Locale.ROOT).equals(typed.toLowerCase(Locale.ROOT))) {
        ignoringCase.add(candidate);
      }
    }
    return ignoringCase.size() == 1 ? ignoringCase.get(0) : null;
  }
}
