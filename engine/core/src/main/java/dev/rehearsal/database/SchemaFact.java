package dev.rehearsal.database;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One fact about a schema: a kind ({@code table}, {@code column}, {@code index}, ...), the object it is about
 * ({@code posts.status}, {@code ix_posts_search on posts}) and its properties, each rendered so that it reads on its
 * own ({@code NOT NULL}, {@code default 'draft'}). Two facts with the same kind and object describe the same thing;
 * their properties say how it differs.
 */
public record SchemaFact(String kind, String object, Map<String, String> properties) {

  /** The order kinds are listed in a snapshot. */
  public static final List<String> KINDS = List.of("table", "column", "primary key", "unique", "foreign key",
      "check", "index", "view", "sequence", "enum", "trigger", "function");

  public SchemaFact {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(object, "object");
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  /** What identifies the fact across snapshots. */
  public String key() {
    return kind + " " + object;
  }

  /** The canonical line: {@code column posts.status: text, NOT NULL, default 'draft'}. */
  public String line() {
    String values = properties.values().stream().filter(v -> !v.isEmpty()).collect(Collectors.joining(", "));
    return values.isEmpty() ? key() : key() + ": " + values;
  }
}
