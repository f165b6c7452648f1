package dev.rehearsal.migrations;

import java.io.File;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.ibatis.migration.Change;
import org.apache.ibatis.migration.FileMigrationLoader;
import org.apache.ibatis.migration.MigrationException;
import org.apache.ibatis.migration.MigrationLoader;

/**
 * One {@link MigrationLoader} over several scripts directories (MyBatis reads one). Each script is read by the
 * loader of the directory that holds it; bootstrap and onabort scripts come from the first directory that has one.
 */
final class ScriptsLoader implements MigrationLoader {

  private final List<FileMigrationLoader> loaders;
  private final List<File> dirs;
  private List<Change> migrations;

  ScriptsLoader(List<File> dirs, String charset, Properties variables) {
    this.dirs = List.copyOf(dirs);
    this.loaders = dirs.stream().map(dir -> new FileMigrationLoader(dir, charset, variables)).toList();
  }

  /**
   * The scripts, listed once: MyBatis asks before every operation (a round-trip does three per migration), and the
   * repository's own list of migrations is read once too, so both always agree. Each call gets copies, because
   * MyBatis sorts the list and sets applied times on its elements.
   */
  @Override
  public synchronized List<Change> getMigrations() {
    if (migrations == null) {
      List<Change> all = new ArrayList<>();
      loaders.forEach(loader -> all.addAll(loader.getMigrations()));
      migrations = List.copyOf(all);
    }
    List<Change> copies = new ArrayList<>(migrations.size());
    migrations.forEach(change -> copies.add(new Change(change)));
    return copies;
  }

  @Override
  public Reader getScriptReader(Change change, boolean undo) {
    for (int i = 0; i < loaders.size(); i++) {
      if (new File(dirs.get(i), change.getFilename()).isFile()) {
        return loaders.get(i).getScriptReader(change, undo);
      }
    }
    throw new MigrationException("script " + change.getFilename() + " not found in " + dirs);
  }

  @Override
  public Reader getBootstrapReader() {
    for (FileMigrationLoader loader : loaders) {
      Reader reader = loader.getBootstrapReader();
      if (reader != null) {
        return reader;
      }
    }
    return null;
  }

  @Override
  public Reader getOnAbortReader() {
    for (FileMigrationLoader loader : loaders) {
      Reader reader = loader.getOnAbortReader();
      if (reader != null) {
        return reader;
      }
    }
    return null;
  }
}
