package dev.rehearsal.migrations;

import dev.rehearsal.database.Connector;
import dev.rehearsal.database.DatabaseException;
import dev.rehearsal.scenario.Target;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.ibatis.migration.Change;
import org.apache.ibatis.migration.hook.HookContext;
import org.apache.ibatis.migration.hook.MigrationHook;
import org.apache.ibatis.migration.operations.ChangelogOperation;
import org.apache.ibatis.migration.operations.DownOperation;
import org.apache.ibatis.migration.operations.UpOperation;

/**
 * Applies and rolls back migrations of one repository in one database through MyBatis Migrations. Targets are
 * computed here from the changelog (MyBatis's {@code VersionOperation} counts script files and can land on the
 * wrong version), and the changelog is read back after every operation to check it says what was asked.
 */
public final class Migrator {

  private final MigrationRepository repository;
  private final Connector connector;
  private final Connector reads;
  private final ScriptTimes times;
  private final Tracer tracer;

  /** Hears how long each script of an apply or rollback took, its changelog row included. */
  @FunctionalInterface
  public interface ScriptTimes {
    ScriptTimes NONE = (id, time) -> {};

    void took(BigDecimal id, java.time.Duration time);
  }

  /** A migrator that opens a fresh connection for every operation and every read of the changelog. */
  public Migrator(MigrationRepository repository, Connector connector) {
    this(repository, connector, connector);
  }

  /**
   * A migrator whose operations connect through {@code connector} (each to a new session: a new connection, or one
   * reset in between, see {@link dev.rehearsal.database.ReusedConnection#resetting}), and whose reads of the changelog
   * go through {@code reads} (a step's shared reading connection).
   */
  public Migrator(MigrationRepository repository, Connector connector, Connector reads) {
    this(repository, connector, reads, ScriptTimes.NONE, null);
  }

  private Migrator(MigrationRepository repository, Connector connector, Connector reads, ScriptTimes times,
      Tracer tracer) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.connector = Objects.requireNonNull(connector, "connector");
    this.reads = Objects.requireNonNull(reads, "reads");
    this.times = Objects.requireNonNull(times, "times");
    this.tracer = tracer;
  }

  /** This migrator, telling {@code times} how long each script it runs takes. */
  public Migrator timing(ScriptTimes times) {
    return new Migrator(repository, connector, reads, times, tracer);
  }

  /** This migrator, tracing every statement of the scripts it runs into {@code tracer}. */
  public Migrator tracing(Tracer tracer) {
    return new Migrator(repository, connector, reads, times, Objects.requireNonNull(tracer, "tracer"));
  }

  /** The changelog rows, ordered by id; empty when the changelog table does not exist. */
  public List<AppliedMigration> changelog() {
    try (Connection connection = reads.connect()) {
      ChangelogOperation changelog = new ChangelogOperation(connection, repository.options());
      List<Change> rows;
      try {
        // Read first and look for the table only when that fails: one round trip instead of two, hundreds of
        // times in a round-trip (the reading connection is in auto-commit mode, so a failed read costs nothing more).
        rows = changelog.selectAll();
      } catch (SQLException missing) {
        if (!changelog.tableExists()) {
          return List.of();
        }
        throw missing;
      }
      return rows.stream()
          .map(c -> new AppliedMigration(c.getId(), c.getAppliedTimestamp(), c.getDescription())).toList();
    } catch (SQLException e) {
      throw DatabaseException.of("cannot read the changelog table " + repository.changelogTable(), e);
    }
  }

  /** The newest applied id, or null when nothing is applied. */
  public BigDecimal version() {
    List<AppliedMigration> applied = changelog();
    return applied.isEmpty() ? null : applied.get(applied.size() - 1).id();
  }

  /** Scripts of the repository that the changelog does not list. */
  public List<Migration> pending() {
    Set<BigDecimal> applied = appliedIds(changelog());
    return repository.migrations().stream().filter(m -> !applied.contains(m.id())).toList();
  }

  /**
   * Migrates up to {@code to} ({@link Target.Head} or {@link Target.Id}), running each pending script in its own
   * transaction.
   *
   * @throws MigrationFailedException when a script fails or the changelog does not end at the target
   */
  public Outcome apply(Target to) {
    return apply(to, null);
  }

  /**
   * As {@link #apply(Target)}, with a simulated failure armed ({@code failure} may be null).
   *
   * @throws MigrationFailedException also when the armed failure did not happen (its script did not run)
   */
  public Outcome apply(Target to, InjectedFailure failure) {
    if (!(to instanceof Target.Head || to instanceof Target.Id)) {
      throw new IllegalArgumentException("an apply cannot go to " + to);
    }
    List<AppliedMigration> applied = changelog();
    checkConsistent(applied, "apply " + to);
    BigDecimal before = applied.isEmpty() ? null : applied.get(applied.size() - 1).id();
    BigDecimal target = to instanceof Target.Id id ? id.id() : lastId();
    if (target == null) {
      return new Outcome(before, before, List.of());
    }
    if (before != null && target.compareTo(before) < 0) {
      throw new MigrationFailedException("cannot apply " + to + ": the database is already at "
          + before.toPlainString() + ", which is newer — use rollback to go back", null, null);
    }
    List<BigDecimal> toRun = repository.migrations().stream().map(Migration::id)
        .filter(id -> (before == null || id.compareTo(before) > 0) && id.compareTo(target) <= 0).toList();
    if (!toRun.isEmpty()) {
      ensureChangelog(applied);
      ScriptTracker tracker = new ScriptTracker(times, tracer, false);
      Armed armed = arm(failure);
      try {
        new UpOperation(toRun.size()).operate(traced(armed.connector)::connect,
            new OnlyTheseLoader(armed.loader, toRun), repository.options(), null, tracker);
      } catch (RuntimeException e) {
        throw MigrationFailedException.from("apply " + to, tracker.current, e, armed.causedBy(e));
      } finally {
        tracker.finish();
      }
      armed.checkFired("apply " + to);
    } else if (failure != null) {
      new Armed(null, null, failure).checkFired("apply " + to);
    }
    return verify("apply " + to, before, target, toRun);
  }

  /**
   * Rolls back to {@code to} ({@link Target.Id}: that id stays applied; {@link Target.Base}: everything is undone;
   * {@link Target.StepsBack}: that many of the newest are undone).
   *
   * @throws MigrationFailedException when an undo fails, the target is not reachable, or the changelog does not end
   *     at the target
   */
  public Outcome rollback(Target to) {
    return rollback(to, null);
  }

  /** As {@link #rollback(Target)}, with a simulated failure armed ({@code failure} may be null). */
  public Outcome rollback(Target to, InjectedFailure failure) {
    List<AppliedMigration> applied = changelog();
    checkConsistent(applied, "rollback " + to);
    BigDecimal before = applied.isEmpty() ? null : applied.get(applied.size() - 1).id();
    int steps;
    if (to instanceof Target.Base) {
      steps = applied.size();
    } else if (to instanceof Target.StepsBack back) {
      if (back.steps() > applied.size()) {
        throw new MigrationFailedException("cannot roll back " + to + ": only " + applied.size()
            + " migrations are applied", null, null);
      }
      steps = back.steps();
    } else if (to instanceof Target.Id id) {
      if (applied.stream().noneMatch(a -> a.id().compareTo(id.id()) == 0)) {
        throw new MigrationFailedException("cannot roll back to " + to + ": it is not applied (the database is at "
            + Outcome.show(before) + ") — use apply to go forward", null, null);
      }
      steps = (int) applied.stream().filter(a -> a.id().compareTo(id.id()) > 0).count();
    } else {
      throw new IllegalArgumentException("a rollback cannot go to " + to);
    }
    List<BigDecimal> toUndo = new ArrayList<>();
    for (int i = applied.size() - 1; i >= applied.size() - steps; i--) {
      toUndo.add(applied.get(i).id());
    }
    BigDecimal target = steps == applied.size() ? null : applied.get(applied.size() - steps - 1).id();
    if (steps > 0) {
      ScriptTracker tracker = new ScriptTracker(times, tracer, true);
      Armed armed = arm(failure);
      try {
        // Always an explicit count: DownOperation(null) throws a NullPointerException when the script it undoes
        // drops the changelog table (MyBatis Migrations 3.5.0).
        new DownOperation(steps).operate(traced(armed.connector)::connect,
            new OnlyTheseLoader(armed.loader, toUndo), repository.options(), null, tracker);
      } catch (RuntimeException e) {
        throw MigrationFailedException.from("rollback " + to, tracker.current, e, armed.causedBy(e));
      } finally {
        tracker.finish();
      }
      armed.checkFired("rollback " + to);
    } else if (failure != null) {
      new Armed(null, null, failure).checkFired("rollback " + to);
    }
    return verify("rollback " + to, before, target, toUndo);
  }

  private Connector traced(Connector operations) {
    return tracer == null ? operations : tracer.connector(operations);
  }

  private Armed arm(InjectedFailure failure) {
    if (failure == null) {
      return new Armed(connector, repository.loader(), null);
    }
    FailingLoader loader = new FailingLoader(repository.loader(), failure, repository.options().getDelimiter(),
        repository.options().isFullLineDelimiter());
    return new Armed(new FaultyConnector(connector, failure, repository.changelogTable()), loader, failure);
  }

  /** The connector and loader of one operation, with the failure they carry, if any. */
  private record Armed(Connector connector, org.apache.ibatis.migration.MigrationLoader loader,
      InjectedFailure failure) {

    /** Whether {@code error} is the armed failure: the cut connection, or the failing statement put in the script. */
    boolean causedBy(Throwable error) {
      if (connector instanceof FaultyConnector faulty && faulty.fired()) {
        return true;
      }
      if (!(loader instanceof FailingLoader failing) || !failing.injected()) {
        return false;
      }
      for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
        if (String.valueOf(t.getMessage()).contains(FailingLoader.ERROR_MARKER)) {
          return true;
        }
      }
      return false;
    }

    /** An armed failure that did not happen is an error: the scenario would otherwise prove nothing. */
    void checkFired(String doing) {
      if (failure == null) {
        return;
      }
      if (loader instanceof FailingLoader failing && failing.statements() >= 0 && !failing.injected()) {
        throw new MigrationFailedException(doing + ": the simulated failure at " + failure.describe()
            + " cannot happen: that section has " + failing.statements() + " statements", null, null);
      }
      boolean fired = connector instanceof FaultyConnector faulty && faulty.fired()
          || loader instanceof FailingLoader failing && failing.injected();
      if (!fired) {
        throw new MigrationFailedException(doing + " did not run the script of the simulated failure ("
            + failure.describe() + ") — arm 'fail' just before the apply or rollback that runs it", null, null);
      }
    }
  }

  private Outcome verify(String doing, BigDecimal before, BigDecimal target, List<BigDecimal> ran) {
    BigDecimal after = version();
    if (!Objects.equals(after, target) && (after == null || target == null || after.compareTo(target) != 0)) {
      throw new MigrationFailedException(doing + " ended at version " + Outcome.show(after) + " instead of "
          + Outcome.show(target) + " — the changelog table " + repository.changelogTable()
          + " does not say what MyBatis reported", null, null);
    }
    return new Outcome(before, after, ran);
  }

  /** MyBatis skips scripts older than the newest applied one, and ignores changelog rows without a script. */
  private void checkConsistent(List<AppliedMigration> applied, String doing) {
    Set<BigDecimal> known = repository.ids();
    for (AppliedMigration row : applied) {
      if (!known.contains(row.id())) {
        throw new MigrationFailedException(doing + ": the changelog lists migration " + row.id().toPlainString()
            + " (" + row.description() + ") but no script has that id", null, null);
      }
    }
    if (applied.isEmpty()) {
      return;
    }
    BigDecimal newest = applied.get(applied.size() - 1).id();
    Set<BigDecimal> appliedIds = appliedIds(applied);
    for (Migration migration : repository.migrations()) {
      if (migration.id().compareTo(newest) < 0 && !appliedIds.contains(migration.id())) {
        throw new MigrationFailedException(doing + ": " + migration.fileName() + " is not applied but is older than "
            + "the applied version " + newest.toPlainString() + "; MyBatis would skip it silently — give it a newer "
            + "id", null, null);
      }
    }
  }

  private void ensureChangelog(List<AppliedMigration> applied) {
    if (!applied.isEmpty() || changelogExists() || scriptCreatesChangelog()) {
      return;
    }
    // MyBatis never creates the changelog; "migrate init" writes a script that does. Without one, create the
    // same table that script would.
    String table = repository.changelogTable();
    try (Connection connection = connector.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE " + table + " (ID NUMERIC(20,0) NOT NULL, APPLIED_AT VARCHAR(25) NOT NULL, "
          + "DESCRIPTION VARCHAR(255) NOT NULL, CONSTRAINT PK_" + table + " PRIMARY KEY (ID))");
    } catch (SQLException e) {
      throw DatabaseException.of("cannot create the changelog table " + table, e);
    }
  }

  private boolean changelogExists() {
    try (Connection connection = reads.connect()) {
      return new ChangelogOperation(connection, repository.options()).tableExists();
    } catch (SQLException e) {
      throw DatabaseException.of("cannot look for the changelog table", e);
    }
  }

  private boolean scriptCreatesChangelog() {
    Pattern creates = Pattern.compile("create\\s+table\\s+(if\\s+not\\s+exists\\s+)?[\"`\\[]?(\\w+\\.)?"
        + Pattern.quote(repository.changelogTable()) + "\\b", Pattern.CASE_INSENSITIVE);
    return repository.migrations().stream().anyMatch(m -> creates.matcher(repository.section(m, false)).find());
  }

  private BigDecimal lastId() {
    List<Migration> all = repository.migrations();
    return all.isEmpty() ? null : all.get(all.size() - 1).id();
  }

  private static Set<BigDecimal> appliedIds(List<AppliedMigration> applied) {
    Set<BigDecimal> ids = new TreeSet<>();
    applied.forEach(a -> ids.add(a.id()));
    return ids;
  }

  /** Remembers which script MyBatis is running, so a failure can name it, and tells how long each one took. */
  private static final class ScriptTracker implements MigrationHook {
    private final ScriptTimes times;
    private final Tracer tracer;
    private final boolean undo;
    private String current;
    private BigDecimal id;
    private long started;

    ScriptTracker(ScriptTimes times, Tracer tracer, boolean undo) {
      this.times = times;
      this.tracer = tracer;
      this.undo = undo;
    }

    /** Ends the trace of the last script, whether the operation ended or failed. */
    void finish() {
      if (tracer != null) {
        tracer.finish();
      }
    }

    @Override
    public void before(Map<String, Object> bindings) {}

    @Override
    public void beforeEach(Map<String, Object> bindings) {
      Change change = ((HookContext) bindings.get(HOOK_CONTEXT)).getChange();
      current = change == null ? null : change.getFilename();
      id = change == null ? null : change.getId();
      if (tracer != null && id != null) {
        tracer.begin(id, current, undo);
      }
      started = System.nanoTime();
    }

    @Override
    public void afterEach(Map<String, Object> bindings) {
      if (id != null) {
        times.took(id, java.time.Duration.ofNanos(System.nanoTime() - started));
      }
      finish();
      current = null;
      id = null;
    }

    @Override
    public void after(Map<String, Object> bindings) {}
  }
}
