package dev.rehearsal.migrations;

import java.io.Reader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.ibatis.migration.Change;
import org.apache.ibatis.migration.MigrationLoader;

/**
 * A loader that lists only the scripts one operation runs. MyBatis 3.5.0 checks every listed script against the
 * changelog with {@code List.contains}/{@code indexOf} ({@code checkSkippedOrMissing}, then a walk of the whole list):
 * quadratic in the number of migrations, the top Java frames of a 500-migration round-trip. The operation runs
 * exactly the same scripts, because {@link Migrator} computes them itself and refuses, before MyBatis is called, the
 * cases MyBatis would only warn about (a skipped older script, a changelog row without a script).
 */
final class OnlyTheseLoader implements MigrationLoader {

  private final MigrationLoader delegate;
  private final Set<BigDecimal> ids;

  OnlyTheseLoader(MigrationLoader delegate, List<BigDecimal> ids) {
    this.delegate = delegate;
    this.ids = new TreeSet<>(ids);
  }

  @Override
  public List<Change> getMigrations() {
    List<Change> all = delegate.getMigrations();
    all.removeIf(change -> !ids.contains(change.getId()));
    return all;
  }

  @Override
  public Reader getScriptReader(Change change, boolean undo) {
    return delegate.getScriptReader(change, undo);
  }

  @Override
  public Reader getBootstrapReader() {
    return delegate.getBootstrapReader();
  }

  @Override
  public Reader getOnAbortReader() {
    return delegate.getOnAbortReader();
  }
}
