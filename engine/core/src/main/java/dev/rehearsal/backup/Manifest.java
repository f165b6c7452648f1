package dev.rehearsal.backup;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a backup holds, written beside it as {@code LABEL.manifest.json}, so a restore can prove it got back exactly
 * this: the migration version, the schema hash and each table's row count and content hash.
 *
 * @param file the backup file's name (in the same directory)
 * @param sha256 the SHA-256 of the backup file
 * @param version the migration version when it was taken ("base" when nothing was applied)
 * @param schemaHash SHA-256 of the canonical schema text
 * @param tables per table, lower case: rows and content hash
 */
@JsonPropertyOrder({"format", "label", "database_kind", "created_at", "file", "sha256", "version", "schema_hash",
    "tables"})
public record Manifest(int format, String label, String databaseKind, String createdAt, String file, String sha256,
    String version, String schemaHash, Map<String, Table> tables) {

  public static final int FORMAT = 1;

  public Manifest {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(sha256, "sha256");
    tables = new TreeMap<>(tables == null ? Map.of() : tables);
  }

  /** One table's content at backup time. */
  @JsonPropertyOrder({"rows", "hash"})
  public record Table(long rows, String hash) {}
}
