package dev.rehearsal.database;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a backup file holds, as its engine's reader lists it: each table with data and its row count.
 *
 * @param tables by name as the engine writes it, {@code schema.table} where the engine has schemas
 */
public record BackupContents(Map<String, Long> tables) {

  public BackupContents {
    tables = new TreeMap<>(tables);
  }
}
