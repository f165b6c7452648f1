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
   * Prefix of a database's settings: {@code databases.NAME.KEY}. Each name under {@code databases:} is a database
   * every scenario runs on unless it lists its own. Default: one database, {@value #DEFAULT_DATABASE}.
   */
  public static final String DATABASES_PREFIX = "databases.";

  /** Default database name and kind. */
  public static final String DEFAULT_DATABASE = "sqlite";

  /** {@code databases.NAME.kind}: the engine, {@code sqlite}. Default: the database's name. */
  public static final String DATABASE_KIND = "kind";

  /**
   * {@code databases.NAME.environment}: the MyBatis environment whose {@code environments/ENV.properties} supplies
   * changelog name, delimiter and {@code ${variables}}. Default: the database's name.
   */
  public static final String DATABASE_ENVIRONMENT = "environment";

  /** The keys a database may have. */
  public static final List<String> DATABASE_KEYS = List.of(DATABASE_KIND, DATABASE_ENVIRONMENT);

  /** Every key outside {@code databases.*}. */
  public static final List<String> PATH_KEYS = List.of(MIGRATIONS, SCRIPTS, SCENARIOS, FIXTURES, REPORTS, BACKUPS);

  private Constants() {}
}
