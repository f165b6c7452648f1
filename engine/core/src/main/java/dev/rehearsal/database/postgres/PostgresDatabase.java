package dev.rehearsal.database.postgres;

import dev.rehearsal.database.BackupTool;
import dev.rehearsal.database.Catalog;
import dev.rehearsal.database.Connector;
import dev.rehearsal.database.Database;
import dev.rehearsal.database.DatabaseException;
import dev.rehearsal.database.ScratchDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * PostgreSQL on a server. The configured URL is only the door: through it, each scenario run creates a database
 * of its own ({@code rehearsal_<run>_<n>}) and a role of its own that owns it, every step runs there as that role,
 * and both are dropped afterwards (see {@link PostgresScratches}). Nothing else on the server is touched; the door
 * user only creates, comments, configures and drops scratch databases and their roles.
 */
public final class PostgresDatabase implements Database {

  public static final String KIND = "postgres";

  /** {@code steps_as} values: steps run as the scratch database's own role (the default), or as the door user. */
  public static final String STEPS_AS_ROLE = "scratch_role";
  public static final String STEPS_AS_DOOR = "door_user";

  private static final Pattern TIMEOUT = Pattern.compile("[0-9]+\\s*(ms|s|min|h)?");

  private final String name;
  private final PgUrl door;
  private final boolean stepsAsDoor;
  private final PgConnections connections = new PgConnections();
  private final PostgresScratches scratches;
  private final PostgresBackups backups;
  private String version;

  /**
   * @param url the door URL (any database the user may connect to and create databases from)
   * @throws IllegalArgumentException for a malformed URL or timeout, with the URL redacted
   */
  public PostgresDatabase(String name, String url, String statementTimeout, String lockTimeout) {
    this(name, url, statementTimeout, lockTimeout, null, STEPS_AS_ROLE);
  }

  /**
   * @param binDir where {@code pg_dump} and {@code pg_restore} are, or null to find them on PATH
   */
  public PostgresDatabase(String name, String url, String statementTimeout, String lockTimeout, String binDir) {
    this(name, url, statementTimeout, lockTimeout, binDir, STEPS_AS_ROLE);
  }

  /**
   * @param binDir where {@code pg_dump} and {@code pg_restore} are, or null to find them on PATH
   * @param stepsAs {@value #STEPS_AS_ROLE}, or {@value #STEPS_AS_DOOR} to run steps as the door user
   */
  public PostgresDatabase(String name, String url, String statementTimeout, String lockTimeout, String binDir,
      String stepsAs) {
    this.name = name;
    this.door = PgUrl.parse(url);
    this.backups = new PostgresBackups(this, door, new PgTools(binDir));
    if (!STEPS_AS_ROLE.equals(stepsAs) && !STEPS_AS_DOOR.equals(stepsAs)) {
      throw new IllegalArgumentException("databases." + name + ".steps_as is '" + stepsAs + "' — write "
          + STEPS_AS_ROLE + " (the default: steps run as a role of the scenario run's own) or " + STEPS_AS_DOOR
          + " (steps run as the URL's user)");
    }
    this.stepsAsDoor = STEPS_AS_DOOR.equals(stepsAs);
    this.scratches = new PostgresScratches(door, connections, timeout(statementTimeout, "statement_timeout"),
        timeout(lockTimeout, "lock_timeout"), stepsAsDoor);
  }

  private static String timeout(String value, String key) {
    if (!TIMEOUT.matcher(value.strip()).matches()) {
      throw new IllegalArgumentException(key + " '" + value + "' is not a duration — write e.g. 500ms, 30s, 5min");
    }
    return value.strip();
  }

  @Override
  public String name() {
    return name;
  }

  /** {@code DISCARD ALL}: what a new session would be, at a fraction of the 4 ms a new connection costs here. */
  @Override
  public String sessionReset() {
    return "DISCARD ALL";
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public synchronized String version() {
    if (version == null) {
      try (Connection admin = admin(); Statement statement = admin.createStatement();
          ResultSet rs = statement.executeQuery("SHOW server_version")) {
        rs.next();
        version = "PostgreSQL " + rs.getString(1);
      } catch (SQLException e) {
        throw DatabaseException.infrastructure("cannot read the version of PostgreSQL at " + door.shown(), e);
      }
    }
    return version;
  }

  /**
   * One line when steps run as the door user (what that allows), and one when the door user is a superuser; none
   * when the server cannot be reached (the scenario runs report that).
   */
  @Override
  public List<String> notices() {
    PostgresScratches.Door who;
    try {
      who = scratches.doorFacts();
    } catch (DatabaseException e) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    if (stepsAsDoor) {
      lines.add("warning: " + name + ": steps_as: door_user — migrations and scenario SQL run as " + who.user()
          + (who.superuser() ? ", a superuser: they can change or drop any database or role on the server and run "
              + "programs as its operating system user" : ": they can do anything " + who.user() + " may do on the "
              + "server, not only in the scratch database"));
    }
    if (who.superuser()) {
      lines.add("notice: " + name + ": the door user " + who.user() + " is a superuser; Rehearsal needs only "
          + "CREATEDB and CREATEROLE" + (stepsAsDoor ? "" : " (steps run as a role of their own)"));
    }
    return lines;
  }

  @Override
  public ScratchDatabase createScratch(String label) {
    return scratches.create(label, null);
  }

  @Override
  public ScratchDatabase createScratchFrom(ScratchDatabase template, String label) {
    return scratches.create(label, (PostgresScratch) template);
  }

  /** Seals the cached state (its database handed to a holder role) and says why a copy would not be exact. */
  @Override
  public Optional<String> inexactCopy(ScratchDatabase template) {
    return Optional.ofNullable(scratches.copies().seal((PostgresScratch) template).inexact());
  }

  /** What this instance could not, or would not, drop since the last call. */
  @Override
  public List<String> dropProblems() {
    return scratches.takeProblems();
  }

  /**
   * Drops every scratch database created here that is neither dropped nor kept: besides the scenario runs' own, the
   * short-lived ones a step makes (the probe of a simulated failure) and cached states. For the shutdown hook.
   */
  @Override
  public void dropLeftovers() {
    scratches.dropLeftovers();
  }

  /**
   * The operator's own database ({@code --db}): reached as the door URL's user, since it is theirs and not a
   * scratch database (which no role of Rehearsal's may enter).
   */
  @Override
  public Connector existing(String location) {
    PgUrl url = door.withDatabase(location).withParameter("stringtype", "unspecified");
    return () -> connect(url, "database " + location);
  }

  @Override
  public List<String> clean(Duration olderThan, Consumer<String> skipped, Consumer<String> young) {
    try (Connection admin = admin()) {
      return PostgresClean.clean(admin, olderThan, skipped, young);
    } catch (SQLException e) {
      throw DatabaseException.infrastructure("cannot clean scratch databases on " + door.shown(), e, hint(e));
    }
  }

  /**
   * The URL to reach {@code location} with: a live scratch database's own role (so what a restore creates belongs to
   * it), else the door user (an operator's database).
   */
  PgUrl urlOf(String location) {
    PostgresScratch scratch = scratches.live(location);
    return scratch != null ? scratch.stepsUrl() : door.withDatabase(location);
  }

  /** What this process's sessions are called in {@code pg_stat_activity}. */
  public static final String APPLICATION_NAME = PgConnections.APPLICATION_NAME;

  Connection connect(PgUrl url, String what) {
    return connections.connect(url, what);
  }

  private Connection admin() {
    return connect(door, "PostgreSQL");
  }

  static String hint(SQLException e) {
    return PgConnections.hint(e);
  }

  @Override
  public BackupTool backups() {
    return backups;  }

  @Override
  public java.util.OptionalLong copyCsv(Connection connection, String table, List<String> columns, Path csv)
      throws SQLException {
    String sql = "COPY " + quote(table) + " (" + columns.stream().map(this::quote)
        .collect(Collectors.joining(", ")) + ") FROM STDIN WITH (FORMAT csv, HEADER true, FORCE_NULL ("
        + columns.stream().map(this::quote).collect(Collectors.joining(", ")) + "))";
    try (java.io.Reader reader = java.nio.file.Files.newBufferedReader(csv, java.nio.charset.StandardCharsets.UTF_8)) {
      return java.util.OptionalLong.of(connection.unwrap(org.postgresql.PGConnection.class).getCopyAPI()
          .copyIn(sql, reader));
    } catch (java.io.IOException e) {
      throw new SQLException("cannot read " + csv + ": " + e.getMessage(), "58030", e);
    }
  }

  @Override
  public dev.rehearsal.database.ClassifiedError classify(SQLException error) {
    return PostgresErrors.classify(error);
  }

  @Override
  public dev.rehearsal.database.LockProbe lockProbe() {
    return new PostgresLockProbe();
  }

  @Override
  public dev.rehearsal.database.SeedDialect seedDialect() {
    return new PostgresSeedDialect();
  }

  @Override
  public Catalog catalog() {
    return new PostgresCatalog();
  }
}
