package dev.rehearsal.steps;

import dev.rehearsal.baseline.Baseline;
import dev.rehearsal.database.Connector;
import dev.rehearsal.database.Database;
import dev.rehearsal.database.ReusedConnection;
import dev.rehearsal.database.ScratchDatabase;
import dev.rehearsal.database.Session;
import dev.rehearsal.migrations.InjectedFailure;
import dev.rehearsal.migrations.MigrationRepository;
import dev.rehearsal.migrations.Migrator;
import dev.rehearsal.migrations.ScriptExecutor;
import dev.rehearsal.schema.Snapshot;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a step may use: the scratch database of its scenario run (never any other), the migrations repository, and
 * the snapshots taken by earlier steps of the same run. Every accessor that touches the database opens a fresh
 * connection, except the reading connection a step asks for explicitly ({@link #reusedConnection()}).
 */
public final class StepContext {

  private final Database database;
  private final ScratchDatabase scratch;
  private final MigrationRepository repository;
  private final Settings settings;
  private final Path backupDir;
  private final Map<String, Snapshot> snapshots = new HashMap<>();
  private final Map<String, Path> backups = new HashMap<>();
  private final RoundtripProgress progress;
  private final RecoveryClock clock = new RecoveryClock();
  private InjectedFailure armed;
  private StepTrace lastTrace;
  private dev.rehearsal.migrations.Tracer operationsTracer;
  private dev.rehearsal.scenario.Step tracedStep;

  /**
   * @param backupDir where this scenario run's backups go: {@code backups/<run>/<scenario>--<database>}
   */
  public StepContext(Database database, ScratchDatabase scratch, MigrationRepository repository, Settings settings,
      Path backupDir) {
    this(database, scratch, repository, settings, backupDir, RoundtripProgress.NONE);
  }

  /** @param progress hears round-trip steps as they go */
  public StepContext(Database database, ScratchDatabase scratch, MigrationRepository repository, Settings settings,
      Path backupDir, RoundtripProgress progress) {
    this.database = Objects.requireNonNull(database, "database");
    this.scratch = Objects.requireNonNull(scratch, "scratch");
    this.repository = Objects.requireNonNull(repository, "repository");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.backupDir = Objects.requireNonNull(backupDir, "backupDir");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /**
   * Settings of the whole run that steps need.
   *
   * @param projectRoot golden snapshot files are resolved against it
   * @param updateSnapshots write golden files instead of comparing with them
   * @param allowOutsideProject golden files may lie outside the project root ({@code paths.allow_outside_project})
   * @param baseline the round-trip verdicts accepted ({@code rehearse roundtrip}); {@link Baseline#NONE} elsewhere
   */
  public record Settings(Path projectRoot, boolean updateSnapshots, boolean allowOutsideProject, Baseline baseline) {
    public Settings {
      Objects.requireNonNull(projectRoot, "projectRoot");
      Objects.requireNonNull(baseline, "baseline");
    }

    /** Settings without a baseline. */
    public Settings(Path projectRoot, boolean updateSnapshots, boolean allowOutsideProject) {
      this(projectRoot, updateSnapshots, allowOutsideProject, Baseline.NONE);
    }

    /** Settings that keep golden files inside the project root. */
    public Settings(Path projectRoot, boolean updateSnapshots) {
      this(projectRoot, updateSnapshots, false);
    }
  }

  public Database database() {
    return database;
  }

  public MigrationRepository repository() {
    return repository;
  }

  public Settings settings() {
    return settings;
  }

  /** Hears round-trip steps as they go. */
  public RoundtripProgress progress() {
    return progress;
  }

  public Migrator migrator() {
    return traced(new Migrator(repository, scratch));
  }

  /** A migrator whose operations connect through {@code operations} and whose changelog reads go through {@code reads}. */
  public Migrator migrator(Connector operations, Connector reads) {
    return traced(new Migrator(repository, operations, reads));
  }

  private Migrator traced(Migrator migrator) {
    return operationsTracer == null ? migrator : migrator.tracing(operationsTracer);
  }

  /** Makes every migrator this context gives trace into {@code tracer} (null: none), for a traced round-trip. */
  void traceOperations(dev.rehearsal.migrations.Tracer tracer) {
    operationsTracer = tracer;
  }

  /**
   * Connections for a step that runs many migrations one by one (a round-trip): one connection whose session is reset
   * before each operation where the engine can ({@link Database#sessionReset()}), a new one each time elsewhere; the
   * caller closes it.
   */
  public ReusedConnection operationsConnection() {
    return ReusedConnection.resetting(scratch, database.sessionReset());
  }

  public ScriptExecutor scripts() {
    return new ScriptExecutor(repository);
  }

  public ScratchDatabase scratch() {
    return scratch;
  }

  /** A new session on the scratch database; the caller closes it. */
  public Session session() {
    return new Session(database, scratch);
  }

  /**
   * A connection to the scratch database that one step may lend to all of its reading (never to migrations or
   * scenario SQL), for steps that look at the database many times; the caller closes it.
   */
  public ReusedConnection reusedConnection() {
    return new ReusedConnection(scratch);
  }

  /** A session on a connection the step reuses for its reading; the caller closes it (which keeps the connection). */
  public Session session(Connector reads) {
    return new Session(database, reads);
  }

  /** Remembers a snapshot under its label for later steps of this run. */
  public void remember(Snapshot snapshot) {
    snapshots.put(snapshot.label(), snapshot);
  }

  /** The snapshot an earlier step took under {@code label}. */
  public Optional<Snapshot> snapshot(String label) {
    return Optional.ofNullable(snapshots.get(label));
  }

  public Path backupDir() {
    return backupDir;
  }

  /** Remembers the file a backup step wrote under its label. */
  public void rememberBackup(String label, Path file) {
    backups.put(label, file);
  }

  /** The file of the backup an earlier step wrote under {@code label}. */
  public Optional<Path> backup(String label) {
    return Optional.ofNullable(backups.get(label));
  }

  /** What the run's recovery takes, as its steps finish. */
  public RecoveryClock clock() {
    return clock;
  }

  /** Arms a simulated failure for the next apply or rollback. */
  public void arm(InjectedFailure failure) {
    armed = failure;
  }

  /** The armed failure, which the next apply or rollback takes (null when none is armed). */
  public InjectedFailure takeArmed() {
    InjectedFailure failure = armed;
    armed = null;
    return failure;
  }

  /** Remembers the trace of {@code step}, for the expectations after it and the step's result. */
  public void traced(dev.rehearsal.scenario.Step step, StepTrace trace) {
    tracedStep = step;
    lastTrace = trace;
  }

  /** The trace of the latest traced step, if any ran. */
  public Optional<StepTrace> lastTrace() {
    return Optional.ofNullable(lastTrace);
  }

  /** The trace of {@code step} when it was traced, else null. */
  public StepTrace stepTrace(dev.rehearsal.scenario.Step step) {
    return step == tracedStep ? lastTrace : null;
  }
}
