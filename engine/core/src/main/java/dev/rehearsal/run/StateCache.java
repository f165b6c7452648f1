package dev.rehearsal.run;

import dev.rehearsal.database.Database;
import dev.rehearsal.database.ScratchDatabase;
import dev.rehearsal.migrations.MigrationRepository;
import dev.rehearsal.migrations.Migrator;
import dev.rehearsal.scenario.Target;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionException;
import java.util.logging.Logger;

/**
 * Databases already migrated to a version, kept for the run, from which scenario runs start by copying (a file copy
 * for SQLite, a template database for PostgreSQL) instead of running every migration again. The key is the database,
 * its environment and {@link MigrationRepository#stateHash} of the scripts up to the version, so a changed script
 * never reuses a stale state. Each state is built once even when runs ask for it at the same time; all are dropped
 * when the run ends. A state that the engine cannot copy exactly ({@link Database#inexactCopy}) is not cached: runs
 * that would start from it migrate from empty.
 */
final class StateCache implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(StateCache.class.getName());

  private final String runId;
  private final Map<String, CompletableFuture<ScratchDatabase>> states = new ConcurrentHashMap<>();

  StateCache(String runId) {
    this.runId = runId;
  }

  /**
   * A new scratch database at {@code version}, copied from the cached state (built on first use), or null when that
   * state cannot be copied exactly.
   */
  ScratchDatabase scratchAt(Database database, MigrationRepository repository, BigDecimal version, String label) {
    String hash = repository.stateHash(version);
    String key = database.name() + "/" + repository.environment() + "/" + hash;
    CompletableFuture<ScratchDatabase> mine = new CompletableFuture<>();
    CompletableFuture<ScratchDatabase> state = states.putIfAbsent(key, mine);
    if (state == null) {
      state = mine;
      try {
        ScratchDatabase template = database.createScratch(runId + "_tpl_" + hash.substring(0, 10));
        Optional<String> inexact;
        try {
          new Migrator(repository, template).apply(Target.id(version));
          inexact = database.inexactCopy(template);
        } catch (RuntimeException e) {
          template.close();
          throw e;
        }
        if (inexact.isPresent()) {
          LOG.fine(() -> "not caching the state at " + version.toPlainString() + " on " + database.name() + ": "
              + inexact.get());
          template.close();
          template = null;
        }
        mine.complete(template);
      } catch (RuntimeException e) {
        mine.completeExceptionally(e);
      }
    }
    try {
      ScratchDatabase template = state.join();
      return template == null ? null : database.createScratchFrom(template, label);
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  /** Drops every cached state. */
  @Override
  public void close() {
    for (CompletableFuture<ScratchDatabase> state : states.values()) {
      if (state.isDone() && !state.isCompletedExceptionally() && state.join() != null) {
        state.join().close();
      }
    }
    states.clear();
  }
}
