package dev.rehearsal.backup;

import dev.rehearsal.database.BackupContents;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a manifest with what the engine's reader found in the backup file: the same tables, each with the
 * manifest's row count, and a changelog that agrees with the version (rows when a migration was applied, none at
 * {@code base}). Names match without regard to case; a manifest name without a schema matches the table of that name
 * in any schema of the file.
 */
final class ContentsCheck {

  private ContentsCheck() {}

  /** What contradicts the manifest, one line each, naming the manifest's field. */
  static List<String> problems(Manifest manifest, BackupContents contents) {
    List<String> problems = new ArrayList<>();
    Set<String> named = new TreeSet<>();
    for (Map.Entry<String, Manifest.Table> table : manifest.tables().entrySet()) {
      String wanted = table.getKey().toLowerCase(Locale.ROOT);
      named.add(wanted);
      List<Long> found = rows(contents, wanted);
      long rows = table.getValue().rows();
      if (found.isEmpty()) {
        problems.add("tables." + table.getKey() + ": in the manifest, not in the backup file");
      } else if (!found.contains(rows)) {
        problems.add("tables." + table.getKey() + ".rows: " + rows + " in the manifest, " + shown(found)
            + " in the backup file");
      }
    }
    String changelog = manifest.changelogTable().toLowerCase(Locale.ROOT);
    for (String table : contents.tables().keySet()) {
      String lower = table.toLowerCase(Locale.ROOT);
      String bare = bare(lower);
      if (!bare.equals(changelog) && !named.contains(lower) && !named.contains(bare)) {
        problems.add("tables: " + table + " is in the backup file, not in the manifest");
      }
    }
    List<Long> applied = rows(contents, changelog);
    long migrations = applied.stream().mapToLong(Long::longValue).sum();
    if (manifest.version().equals("base") && migrations > 0) {
      problems.add("version: base (nothing applied) in the manifest, but the changelog table "
          + manifest.changelogTable() + " in the backup file has " + migrations + (migrations == 1 ? " row" : " rows"));
    } else if (!manifest.version().equals("base") && migrations == 0) {
      problems.add("version: " + manifest.version() + " in the manifest, but the backup file has no applied "
          + "migration (no rows in the changelog table " + manifest.changelogTable() + ")");
    }
    return problems;
  }

  /** The row counts of the file's tables called {@code wanted} ({@code schema.table}, or a bare name in any schema). */
  private static List<Long> rows(BackupContents contents, String wanted) {
    List<Long> rows = new ArrayList<>();
    for (Map.Entry<String, Long> table : contents.tables().entrySet()) {
      String lower = table.getKey().toLowerCase(Locale.ROOT);
      if (lower.equals(wanted) || !wanted.contains(".") && bare(lower).equals(wanted)) {
        rows.add(table.getValue());
      }
    }
    return rows;
  }

  private static String bare(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }

  private static String shown(List<Long> rows) {
    return rows.size() == 1 ? String.valueOf(rows.get(0)) : rows.toString();
  }
}
