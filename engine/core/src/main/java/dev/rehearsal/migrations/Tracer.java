package dev.rehearsal.migrations;

import dev.rehearsal.database.Connector;
import dev.rehearsal.database.DatabaseException;
import dev.rehearsal.database.LockProbe;
import dev.rehearsal.scenario.LockMode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Traces the scripts of one apply or rollback as MyBatis runs them: the connection MyBatis gets is this tracer's, so
 * every statement its script runner sends goes through the tracer on that connection, inside the script's own
 * transaction (MyBatis runs each script in one, autoCommit=false). After each statement the engine's
 * {@link LockProbe} reads, on the same connection, the locks the session holds and the relation files; the
 * script's {@code commit()} ends the trace of its locks. Without a probe (SQLite, MariaDB) statements are timed only.
 */
public final class Tracer {

  private final MigrationRepository repository;
  private final LockProbe probe;
  private final List<ScriptTrace> scripts = new ArrayList<>();
  private Running running;

  /** @param probe the engine's, or null: then only times are traced */
  public Tracer(MigrationRepository repository, LockProbe probe) {
    this.repository = repository;
    this.probe = probe;
  }

  /** Whether locks and rewrites are traced, not only times. */
  public boolean readsLocks() {
    return probe != null;
  }

  /** The scripts traced so far, in the order they ran. */
  public List<ScriptTrace> scripts() {
    List<ScriptTrace> all = new ArrayList<>(scripts);
    if (running != null) {
      all.add(running.trace());
    }
    return all;
  }

  /** The script MyBatis starts now. */
  void begin(BigDecimal id, String fileName, boolean undo) {
    finish();
    Migration migration = repository.migrations().stream().filter(m -> m.id().compareTo(id) == 0).findFirst()
        .orElse(null);
    running = new Running(id, fileName, undo, migration == null ? List.of() : lines(migration, undo));
  }

  /** The script MyBatis has finished (its changelog row written). */
  void finish() {
    if (running != null) {
      scripts.add(running.trace());
      running = null;
    }
  }

  /** The line each statement of a section starts on, as MyBatis splits it (one statement for a full script). */
  private List<Integer> lines(Migration migration, boolean undo) {
    ScriptText text = ScriptText.read(repository, migration);
    List<ScriptText.Line> section = undo ? text.undo() : text.up();
    if (repository.options().isSendFullScript()) {
      return section.stream().filter(l -> !l.text().isBlank()).limit(1).map(ScriptText.Line::number).toList();
    }
    return new ScriptStatements(migration, repository.options().getDelimiter(),
        repository.options().isFullLineDelimiter(), false).split(section).stream()
        .map(ScriptStatements.Statement::line).toList();
  }

  /** {@code delegate}'s connections, traced. */
  Connector connector(Connector delegate) {
    return () -> {
      Connection real = delegate.connect();
      return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
          new Class<?>[] {Connection.class}, (proxy, method, args) -> {
            Object result = call(real, method, args);
            if (method.getName().equals("commit") && running != null) {
              running.committed();
            }
            if (method.getName().equals("createStatement") && result instanceof Statement statement) {
              return statement(real, statement);
            }
            return result;
          });
    };
  }

  private Statement statement(Connection connection, Statement real) {
    return (Statement) Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {Statement.class},
        (proxy, method, args) -> {
          if (running != null && method.getName().startsWith("execute") && args != null && args.length > 0
              && args[0] instanceof String sql) {
            return running.execute(connection, sql, () -> call(real, method, args));
          }
          return call(real, method, args);
        });
  }

  private static Object call(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** A statement's own work, as the proxy passes it on. */
  @FunctionalInterface
  private interface Work {
    Object run() throws Throwable;
  }

  /** The script being traced. */
  private final class Running {
    private final BigDecimal id;
    private final String fileName;
    private final boolean undo;
    private final List<Integer> lines;
    private final List<ScriptTrace.Statement> statements = new ArrayList<>();
    private long started;
    private Duration committedAt;
    private boolean done;
    private Set<LockProbe.Held> locks;
    private Map<Long, LockProbe.File> files;
    /** The relations there before the script: those it creates are nobody else's to wait for until it commits. */
    private Set<Long> existing;

    Running(BigDecimal id, String fileName, boolean undo, List<Integer> lines) {
      this.id = id;
      this.fileName = fileName;
      this.undo = undo;
      this.lines = lines;
    }

    void committed() {
      if (!done && !statements.isEmpty()) {
        committedAt = Duration.ofNanos(System.nanoTime() - started);
      }
      done = true;
    }

    Object execute(Connection connection, String sql, Work work) throws Throwable {
      if (done) {
        // The script runner has committed the script: what follows is MyBatis's changelog bookkeeping.
        return work.run();
      }
      int index = statements.size() + 1;
      int line = index <= lines.size() ? lines.get(index - 1) : 0;
      String untraced = probe == null ? null : probe.untraceable(sql);
      if (statements.isEmpty()) {
        started = System.nanoTime();
        if (probe != null && untraced == null) {
          read(connection);
          existing = new HashSet<>(files.keySet());
        }
      }
      long begun = System.nanoTime();
      Duration start = Duration.ofNanos(begun - started);
      Object result;
      try {
        result = work.run();
      } catch (Throwable failed) {
        statements.add(new ScriptTrace.Statement(index, line, firstLine(sql), start,
            Duration.ofNanos(System.nanoTime() - begun), List.of(), List.of(),
            untraced != null ? untraced : "failed: no locks read after it"));
        throw failed;
      }
      Duration time = Duration.ofNanos(System.nanoTime() - begun);
      if (probe == null || untraced != null || locks == null) {
        statements.add(new ScriptTrace.Statement(index, line, firstLine(sql), start, time, List.of(), List.of(),
            untraced));
        return result;
      }
      Map<Long, LockMode> before = strongest(locks, null, null);
      Map<Long, LockProbe.File> filesBefore = files;
      read(connection);
      List<ScriptTrace.Lock> took = new ArrayList<>();
      // Per relation, the strongest mode now held that is stronger than what was held before this statement; a
      // relation that is in neither catalog read (a transient heap of a rewrite, a TOAST table) is left out, and so
      // is one the script created (no other session sees it before the commit).
      strongest(locks, filesBefore, files).forEach((oid, mode) -> {
        LockMode had = before.get(oid);
        if (existing.contains(oid) && (had == null || mode.strongerThan(had))) {
          LockProbe.File file = files.getOrDefault(oid, filesBefore.get(oid));
          took.add(new ScriptTrace.Lock(file.name(), file.kind(), mode));
        }
      });
      took.sort(java.util.Comparator.comparing(ScriptTrace.Lock::mode).reversed()
          .thenComparing(ScriptTrace.Lock::relation));
      List<String> rewrote = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      filesBefore.forEach((oid, file) -> {
        LockProbe.File now = files.get(oid);
        if (now != null && now.file() != file.file() && seen.add(now.name())) {
          rewrote.add(now.name());
        }
      });
      rewrote.sort(null);
      statements.add(new ScriptTrace.Statement(index, line, firstLine(sql), start, time, took, rewrote, null));
      return result;
    }

    /** The strongest mode held on each relation; only relations of {@code named} catalogs when they are given. */
    private Map<Long, LockMode> strongest(Set<LockProbe.Held> held, Map<Long, LockProbe.File> before,
        Map<Long, LockProbe.File> after) {
      Map<Long, LockMode> strongest = new java.util.LinkedHashMap<>();
      for (LockProbe.Held lock : held) {
        if (before != null && !before.containsKey(lock.relation()) && !after.containsKey(lock.relation())) {
          continue;
        }
        LockMode mode = LockMode.parse(lock.mode()).orElseThrow();
        strongest.merge(lock.relation(), mode, (a, b) -> a.strongerThan(b) ? a : b);
      }
      return strongest;
    }

    private void read(Connection connection) {
      try {
        locks = probe.locks(connection);
        files = probe.files(connection);
      } catch (SQLException e) {
        throw DatabaseException.of("cannot read the locks of the traced script " + fileName, e);
      }
    }

    ScriptTrace trace() {
      return new ScriptTrace(id, fileName, undo, statements, committedAt);
    }
  }

  private static String firstLine(String sql) {
    String first = sql.strip().lines().filter(l -> !l.isBlank() && !l.strip().startsWith("--")).findFirst()
        .orElse(sql.strip()).strip();
    return first.length() > 72 ? first.substring(0, 69) + "..." : first;
  }
}
