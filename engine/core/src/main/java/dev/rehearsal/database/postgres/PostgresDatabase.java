package dev.rehearsal.database.postgres;

import dev.rehearsal.database.BackupTool;
import dev.rehearsal.database.Catalog;
import dev.rehearsal.database.Connector;
import dev.rehearsal.database.Database;
import dev.rehearsal.database.DatabaseException;
import dev.rehearsal.database.ScratchDatabase;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * PostgreSQL on a server. The configured URL is only the door: through it, each scenario run creates a database
 * of its own ({@code rehearsal_<run>_<n>}, with a comment saying who created it and when), runs there, and drops
 * it. Nothing else on the server is touched; the door connection only creates, comments, configures and drops
 * scratch databases.
 */
public final class PostgresDatabase implements Database {

  public static final String KIND = "postgres";

  /** Scratch database names start with this; {@code clean} drops only such databases with {@link #MARK}. */
  static final String PREFIX = "rehearsal_";
  static final String MARK = "Rehearsal scratch database";

  private static final Pattern TIMEOUT = Pattern.compile("[0-9]+\\s*(ms|s|min|h)?");
  private static final Pattern CREATED = Pattern.compile("created (\\S+)");

  private final String name;
  private final PgUrl door;
  private final String statementTimeout;
  private final String lockTimeout;
  private static final int RECONNECT_SECONDS = 20;

  private final PostgresBackups backups;
  /** Scratch databases created here and neither dropped nor kept yet: what {@link #dropLeftovers()} drops. */
  private final java.util.Set<PostgresScratch> live = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private String version;
  private volatile boolean reached;

  /**
   * @param url the door URL (any database the user may connect to and create databases from)
   * @throws IllegalArgumentException for a malformed URL or timeout, with the URL redacted
   */
  public PostgresDatabase(String name, String url, String statementTimeout, String lockTimeout) {
    this(name, url, statementTimeout, lockTimeout, null);
  }

  /**
   * @param binDir where {@code pg_dump} and {@code pg_restore} are, or null to find them on PATH
   */
  public PostgresDatabase(String name, String url, String statementTimeout, String lockTimeout, String binDir) {
    this.name = name;
    this.door = PgUrl.parse(url);
    this.backups = new PostgresBackups(this, door, new PgTools(binDir));
    this.statementTimeout = timeout(statementTimeout, "statement_timeout");
    this.lockTimeout = timeout(lockTimeout, "lock_timeout");
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

  @Override
  public ScratchDatabase createScratch(String label) {
    return create(label, null);
  }

  @Override
  public ScratchDatabase createScratchFrom(ScratchDatabase template, String label) {
    return create(label, template.location());
  }

  private ScratchDatabase create(String label, String template) {
    String database = PREFIX + label.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    if (database.length() > 63) {
      database = database.substring(0, 63);
    }
    String quoted = quote(database);
    try (Connection admin = admin(); Statement statement = admin.createStatement()) {
      createDatabase(statement, quoted, template);
      try {
        statement.execute("COMMENT ON DATABASE " + quoted + " IS " + literal(MARK + "; created " + Instant.now()
            + " by " + who() + "; drop it with 'rehearse clean' if it is still here"));
        statement.execute("ALTER DATABASE " + quoted + " SET statement_timeout = " + literal(statementTimeout));
        statement.execute("ALTER DATABASE " + quoted + " SET lock_timeout = " + literal(lockTimeout));
      } catch (SQLException e) {
        drop(admin, database);
        throw e;
      }
    } catch (SQLException e) {
      throw DatabaseException.infrastructure("cannot create scratch database " + database + " on "
          + door.shown(), e, hint(e));
    }
    PostgresScratch scratch = new PostgresScratch(this, database, door.withDatabase(database)
        .withParameter("stringtype", "unspecified"));
    live.add(scratch);
    return scratch;
  }

  /** A scratch database is dropped or kept: it is no longer a leftover. */
  void settled(PostgresScratch scratch) {
    live.remove(scratch);
  }

  /**
   * Drops every scratch database created here that is neither dropped nor kept: besides the scenario runs' own, the
   * short-lived ones a step makes (the probe of a simulated failure) and cached states. For the shutdown hook.
   */
  @Override
  public void dropLeftovers() {
    for (PostgresScratch scratch : List.copyOf(live)) {
      scratch.close();
    }
  }

  @Override
  public Connector existing(String location) {
    PgUrl url = door.withDatabase(location).withParameter("stringtype", "unspecified");
    return () -> connect(url, "database " + location);
  }

  @Override
  public List<String> clean(Duration olderThan) {
    Instant cutoff = Instant.now().minus(olderThan);
    List<String> dropped = new ArrayList<>();
    try (Connection admin = admin(); PreparedStatement query = admin.prepareStatement(
        "SELECT datname, shobj_description(oid, 'pg_database') FROM pg_database WHERE datname LIKE ? ORDER BY 1")) {
      query.setString(1, PREFIX.replace("_", "\\_") + "%");
      List<String[]> candidates = new ArrayList<>();
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          candidates.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
      for (String[] candidate : candidates) {
        Instant created = created(candidate[1]);
        if (created != null && created.isBefore(cutoff)) {
          drop(admin, candidate[0]);
          dropped.add(candidate[0] + " (" + candidate[1] + ")");
        }
      }
    } catch (SQLException e) {
      throw DatabaseException.infrastructure("cannot clean scratch databases on " + door.shown(), e, hint(e));
    }
    return dropped;
  }

  /**
   * CREATE DATABASE, optionally from a template; a template briefly in use by a concurrent CREATE DATABASE
   * (SQLState 55006) is retried.
   *
   * <p>A copy of a cached state is made file by file ({@code STRATEGY = FILE_COPY}, the only way before PostgreSQL
   * 15): the default since 15, {@code WAL_LOG}, writes every page of the template to the WAL, which for a state of a
   * few hundred tables took 0.5 s per copy on the development machine against 0.07 to 0.2 s file by file.
   */
  private void createDatabase(Statement statement, String quoted, String template) throws SQLException {
    String strategy = template != null && statement.getConnection().getMetaData().getDatabaseMajorVersion() >= 15
        ? " STRATEGY = FILE_COPY" : "";
    String sql = "CREATE DATABASE " + quoted + (template == null ? "" : " TEMPLATE " + quote(template)) + strategy;
    for (int attempt = 1; ; attempt++) {
      try {
        statement.execute(sql);
        return;
      } catch (SQLException e) {
        if (!"55006".equals(e.getSQLState()) || attempt == 20) {
          throw e;
        }
        try {
          Thread.sleep(50L * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** The creation time written in a scratch database's comment, or null when the comment is not Rehearsal's. */
  static Instant created(String comment) {
    if (comment == null || !comment.startsWith(MARK)) {
      return null;
    }
    Matcher m = CREATED.matcher(comment);
    try {
      return m.find() ? Instant.parse(m.group(1)) : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  void drop(String database) {
    try (Connection admin = admin()) {
      drop(admin, database);
    } catch (SQLException e) {
      throw DatabaseException.infrastructure("cannot drop scratch database " + database, e, hint(e));
    }
  }

  private void drop(Connection admin, String database) throws SQLException {
    if (!database.startsWith(PREFIX)) {
      throw new IllegalStateException("refusing to drop " + database + ": not a Rehearsal scratch database");
    }
    try (Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + quote(database) + " WITH (FORCE)");
    }
  }

  /**
   * Connections say who they are ({@code rehearsal-<pid>} in {@code pg_stat_activity}) unless the URL names them, so
   * an operator (and the load test) can tell Rehearsal's sessions apart.
   */
  private static java.util.Properties identity(PgUrl url) {
    java.util.Properties properties = new java.util.Properties();
    if (!url.parameters().containsKey("ApplicationName")) {
      properties.setProperty("ApplicationName", APPLICATION_NAME);
    }
    return properties;
  }

  /** The URL pg_dump and pg_restore reach {@code location} with. */
  PgUrl urlOf(String location) {
    return door.withDatabase(location);
  }

  /** What this process's sessions are called in {@code pg_stat_activity}. */
  public static final String APPLICATION_NAME = "rehearsal-" + ProcessHandle.current().pid();

  /**
   * A new connection. Once the server has been reached, a refused connection or a server still starting up is
   * retried for {@value #RECONNECT_SECONDS} seconds, so that a server restart in the middle of a run costs the
   * scenario that was running, not the ones after it; a server never reached fails at once.
   */
  Connection connect(PgUrl url, String what) {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(RECONNECT_SECONDS);
    while (true) {
      try {
        Connection connection = DriverManager.getConnection(url.jdbc(), identity(url));
        reached = true;
        return connection;
      } catch (SQLException e) {
        if (!reached || !isTransient(e) || System.nanoTime() > deadline) {
          // The driver's own message may quote the whole URL, password included: redact it.
          SQLException redacted = new SQLException(PgUrl.redact(e.getMessage()), e.getSQLState(), e.getErrorCode());
          throw DatabaseException.infrastructure("cannot connect to " + what + " at " + url.shown(), redacted,
              hint(e));
        }
        try {
          Thread.sleep(200);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw DatabaseException.infrastructure("cannot connect to " + what + " at " + url.shown(), e, hint(e));
        }
      }
    }
  }

  private static boolean isTransient(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    return state.startsWith("08") || state.equals("57P03");
  }

  private Connection admin() {
    return connect(door, "PostgreSQL");
  }

  static String hint(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.startsWith("08")) {
      return " — is the server running? Start it (e.g. pg_ctlcluster 15 main start) or point "
          + "REHEARSAL_POSTGRES_URL / --postgres-url at one";
    }
    if (state.equals("42501")) {
      return " — the user needs the CREATEDB privilege";
    }
    if (state.equals("28P01") || state.equals("28000")) {
      return " — check the user and password in the URL";
    }
    return "";
  }

  @Override
  public BackupTool backups() {
    return backups;
  }

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
  public Catalog catalog() {
    return new PostgresCatalog();
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  private static String who() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown host";
    }
    return System.getProperty("user.name") + "@" + host + " pid " + ProcessHandle.current().pid();
  }
}
