package dev.rehearsal.database;

import dev.rehearsal.config.Constants;
import dev.rehearsal.config.RehearsalConfig.DatabaseConfig;
import dev.rehearsal.database.mariadb.MariadbDatabase;
import dev.rehearsal.database.postgres.PostgresDatabase;
import dev.rehearsal.database.postgres.PrivatePostgres;
import dev.rehearsal.database.sqlite.SqliteDatabase;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Creates the {@link Database} for a configured kind. A new engine is one entry here plus its package. */
public final class Databases {

  private static final Map<String, Function<DatabaseConfig, Database>> KINDS = Map.of(
      SqliteDatabase.KIND, config -> new SqliteDatabase(config.name()),
      PostgresDatabase.KIND, Databases::postgres,
      MariadbDatabase.KIND, config -> new MariadbDatabase(config.name(),
          config.setting(Constants.DATABASE_URL, Constants.DEFAULT_MARIADB_URL),
          config.setting(Constants.DATABASE_STATEMENT_TIMEOUT, Constants.DEFAULT_STATEMENT_TIMEOUT),
          config.setting(Constants.DATABASE_LOCK_TIMEOUT, Constants.DEFAULT_LOCK_TIMEOUT),
          config.settings().get(Constants.DATABASE_COLLATION), config.settings().get(Constants.DATABASE_BIN_DIR)));

  private Databases() {}

  private static Database postgres(DatabaseConfig config) {
    String server = config.setting(Constants.DATABASE_SERVER, Constants.SERVER_URL);
    String statementTimeout = config.setting(Constants.DATABASE_STATEMENT_TIMEOUT, Constants.DEFAULT_STATEMENT_TIMEOUT);
    String lockTimeout = config.setting(Constants.DATABASE_LOCK_TIMEOUT, Constants.DEFAULT_LOCK_TIMEOUT);
    String stepsAs = config.setting(Constants.DATABASE_STEPS_AS, Constants.DEFAULT_STEPS_AS);
    String binDir = config.settings().get(Constants.DATABASE_BIN_DIR);
    if (Constants.SERVER_PRIVATE.equals(server)) {
      return new PrivatePostgres(config.name(), binDir, config.settings().get(Constants.DATABASE_SERVER_VERSION),
          new PrivatePostgres.Settings(statementTimeout, lockTimeout, stepsAs));
    }
    if (!Constants.SERVER_URL.equals(server)) {
      throw new IllegalArgumentException("databases." + config.name() + "." + Constants.DATABASE_SERVER + " is '"
          + server + "' — write " + Constants.SERVER_URL + " (the default: the server at url) or "
          + Constants.SERVER_PRIVATE + " (a throwaway server of the run's own)");
    }
    if (config.settings().containsKey(Constants.DATABASE_SERVER_VERSION)) {
      throw new IllegalArgumentException("databases." + config.name() + "." + Constants.DATABASE_SERVER_VERSION
          + " is for a private server only — add " + Constants.DATABASE_SERVER + ": " + Constants.SERVER_PRIVATE
          + ", or leave it out (the server at url runs the version it runs)");
    }
    return new PostgresDatabase(config.name(), config.setting(Constants.DATABASE_URL,
        Constants.DEFAULT_POSTGRES_URL), statementTimeout, lockTimeout, binDir, stepsAs);
  }

  /** The kinds Rehearsal knows. */
  public static List<String> kinds() {
    return KINDS.keySet().stream().sorted().toList();
  }

  /**
   * The backup tool of {@code kind} with the engine's defaults (tools on PATH), for checking a backup outside a
   * project.
   *
   * @throws IllegalArgumentException for an unknown kind
   */
  public static BackupTool backupTool(String kind) {
    return create(new DatabaseConfig(kind, kind, kind, false, Map.of())).backups();
  }

  /**
   * The database for one configuration entry.
   *
   * @throws IllegalArgumentException for an unknown kind, with the known ones in the message
   */
  public static Database create(DatabaseConfig config) {
    Function<DatabaseConfig, Database> factory = KINDS.get(config.kind());
    if (factory == null) {
      throw new IllegalArgumentException("database '" + config.name() + "' has unknown kind '" + config.kind()
          + "' — known kinds: " + String.join(", ", kinds()));
    }
    return factory.apply(config);
  }
}
