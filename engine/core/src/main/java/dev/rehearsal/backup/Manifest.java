package dev.rehearsal.backup;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a backup holds, written beside it as {@code LABEL.manifest.json}, so a restore can prove it got back exactly
 * this: the migration version, the schema hash and each table's row count and content hash. Every field is required;
 * {@link Backups#verify} refuses a manifest with a field missing, malformed or contradicting the backup file.
 *
 * @param format {@link #FORMAT}
 * @param databaseKind the engine that wrote it, e.g. {@code postgres}; a restore goes into the same kind only
 * @param createdAt when it was taken, ISO-8601
 * @param file the backup file's name (in the same directory)
 * @param sha256 the SHA-256 of the backup file
 * @param version the migration version when it was taken ("base" when nothing was applied)
 * @param changelogTable MyBatis's changelog table, which the backup holds and {@code tables} leaves out
 * @param schemaHash SHA-256 of the canonical schema text
 * @param tables per table, lower case: rows and content hash
 */
@JsonPropertyOrder({"format", "label", "database_kind", "created_at", "file", "sha256", "version", "changelog_table",
    "schema_hash", "tables"})
public record Manifest(int format, String label, String databaseKind, String createdAt, String file, String sha256,
    String version, String changelogTable, String schemaHash, Map<String, Table> tables) {

  /**
   * The manifest format this Rehearsal writes and reads. Format 1 (before backups were read back) did not name the
   * changelog table.
   */
  public static final int FORMAT = 2;

  public Manifest {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(databaseKind, "databaseKind");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(changelogTable, "changelogTable");
    Objects.requireNonNull(schemaHash, "schemaHash");
    tables = new TreeMap<>(tables);
  }

  /** One table's content at backup time. */
  @JsonPropertyOrder({"rows", "hash"})
  public record Table(long rows, String hash) {

    public Table {
      Objects.requireNonNull(hash, "hash");
    }
  }
}
