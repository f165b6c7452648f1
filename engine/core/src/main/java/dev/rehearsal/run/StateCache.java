package dev.rehearsal.run;

import dev.rehearsal.database.Database;
import dev.rehearsal.database.ScratchDatabase;
import dev.rehearsal.migrations.MigrationRepository;
import dev.rehearsal.migrations.Migrator;
import dev.rehearsal.scenario.Target;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Databases already migrated to a version, kept for the run, from which scenario runs start by copying (a file copy
 * for SQLite, a template database for PostgreSQL) instead of running every migration again. The key is the database,
 * its environment and {@link MigrationRepository#stateHash} of the scripts up to the version, so a changed script
 * never reuses a stale state. Each state is built once even when runs ask for it at the same time; all are dropped
 * when the run ends. A state that the engine cannot copy exactly ({@link Database#inexactCopy}) is not cached: runs
 * that would start from it migrate from empty.
 *
 * <p>On an engine whose copies wait on a server ({@link Database#copiesAhead}), the cache keeps a pool of copies per
 * state, made on threads of its own while scenario runs go (as IntegreSQL keeps ready clones): a run takes the oldest
 * copy made or under way and one more is started, up to {@code ahead} besides those taken, and never more copies of a
 * database than the plan has scenario runs on it. A pooled copy is made by the same {@link
 * Database#createScratchFrom} as any other, so it is a scratch database like the others (marker, role of its own,
 * dropped only while it has its OID, swept on Ctrl-C), from a sealed state nothing writes to: what a copy made at the
 * moment the run asks would be. Each is handed to one run only; those no run took are dropped by {@link #close()},
 * before the states they were copied from.
 */
final class StateCache implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(StateCache.class.getName());

  /** How long {@link #close()} waits for a pooled copy under way before leaving it to the scratch sweep. */
  private static final long WAIT_SECONDS = 30;

  private final String runId;
  private final int ahead;
  private final Map<String, CompletableFuture<ScratchDatabase>> states = new ConcurrentHashMap<>();
  /** Per state: the pooled copies made or under way that no run has taken yet, oldest first; guarded by itself. */
  private final Map<String, Deque<CompletableFuture<ScratchDatabase>>> pools = new ConcurrentHashMap<>();
  /** Per database: how many more copies the plan can use (its scenario runs, less the copies made so far). */
  private final Map<String, AtomicInteger> budget = new ConcurrentHashMap<>();
  private final AtomicInteger pooled = new AtomicInteger();
  private final Object lock = new Object();
  private ExecutorService makers;
  private boolean closed;

  /** A cache without a pool. */
  StateCache(String runId) {
    this(runId, 0, Map.of());
  }

  /**
   * @param ahead how many copies of a state to keep made ahead of the runs (0: none)
   * @param runsPerDatabase how many scenario runs the plan has on each database, by name
   */
  StateCache(String runId, int ahead, Map<String, Integer> runsPerDatabase) {
    this.runId = runId;
    this.ahead = ahead;
    runsPerDatabase.forEach((name, runs) -> budget.put(name, new AtomicInteger(runs)));
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
      if (template == null) {
        return null;
      }
      if (ahead < 1 || !database.copiesAhead()) {
        return database.createScratchFrom(template, label);
      }
      return pooled(key, database, template, label);
    } catch (CompletionException e) {
      throw unwrap(e);
    }
  }

  /** The oldest pooled copy of the state (one is started if none is under way), after topping the pool up. */
  private ScratchDatabase pooled(String key, Database database, ScratchDatabase template, String label) {
    CompletableFuture<ScratchDatabase> next;
    synchronized (lock) {
      if (closed) {
        return database.createScratchFrom(template, label);
      }
      Deque<CompletableFuture<ScratchDatabase>> pool = pools.computeIfAbsent(key, k -> new ArrayDeque<>());
      while (pool.size() < ahead + 1 && spend(database)) {
        pool.add(makeCopy(database, template));
      }
      next = pool.poll();
    }
    if (next == null) {
      // The plan's budget is spent (a caller outside the plan): a copy of its own.
      return database.createScratchFrom(template, label);
    }
    try {
      return next.join();
    } catch (CompletionException e) {
      throw unwrap(e);
    }
  }

  private boolean spend(Database database) {
    AtomicInteger left = budget.computeIfAbsent(database.name(), name -> new AtomicInteger());
    return left.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
  }

  /** Starts one copy of {@code template} on the pool's threads; called under {@link #lock}. */
  private CompletableFuture<ScratchDatabase> makeCopy(Database database, ScratchDatabase template) {
    if (makers == null) {
      makers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "rehearsal-pool-" + runId);
        thread.setDaemon(true);
        return thread;
      });
    }
    String label = runId + "_pool_" + pooled.incrementAndGet();
    return CompletableFuture.supplyAsync(() -> database.createScratchFrom(template, label), makers);
  }

  private static RuntimeException unwrap(CompletionException e) {
    return e.getCause() instanceof RuntimeException cause ? cause : e;
  }

  /**
   * Drops the pooled copies no run took (waiting for those under way), then every cached state. A copy still under
   * way after 30 s is left to the engine's sweep of scratch databases ({@link Database#dropLeftovers}).
   */
  @Override
  public void close() {
    List<CompletableFuture<ScratchDatabase>> untaken = new ArrayList<>();
    synchronized (lock) {
      closed = true;
      pools.values().forEach(untaken::addAll);
      pools.clear();
      if (makers != null) {
        makers.shutdown();
      }
    }
    for (CompletableFuture<ScratchDatabase> copy : untaken) {
      try {
        copy.get(WAIT_SECONDS, TimeUnit.SECONDS).close();
      } catch (ExecutionException | RuntimeException e) {
        LOG.log(Level.FINE, e, () -> "a pooled copy was not made");
      } catch (TimeoutException e) {
        LOG.fine("a pooled copy is still under way; the scratch sweep drops it");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    for (CompletableFuture<ScratchDatabase> state : states.values()) {
      if (state.isDone() && !state.isCompletedExceptionally() && state.join() != null) {
        state.join().close();
      }
    }
    states.clear();
  }
}
