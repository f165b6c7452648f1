package dev.rehearsal.database.mariadb;

import dev.rehearsal.database.BackupTool;
import dev.rehearsal.database.Catalog;
import dev.rehearsal.database.ClassifiedError;
import dev.rehearsal.database.Connector;
import dev.rehearsal.database.Database;
import dev.rehearsal.database.DatabaseException;
import dev.rehearsal.database.RowValues;
import dev.rehearsal.database.ScratchDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * MariaDB (and, as far as it is tested, MySQL) on a server. The configured URL is only the door: through it, each
 * scenario run creates a database of its own ({@code rehearsal_<run>_<n>}, the marker as its comment) and a user of
 * its own granted that database only; every step runs there as that user, and both are dropped afterwards (see
 * {@link MariadbScratches}). MariaDB commits every DDL statement on its own, so a migration that fails halfway
 * leaves its first statements applied and no changelog row, exactly as in production.
 */
public final class MariadbDatabase implements Database {

  public static final String KIND = "mariadb";

  /** The values of a duplicate key and of a value MariaDB could not convert, which its messages quote. */
  private static final Pattern QUOTED_VALUES = Pattern.compile("(Duplicate entry |Incorrect \\w+ value: |"
      + "Data truncated for column '[^']*' at row \\d+|Truncated incorrect \\w+ value: )('(?:[^'\\\\]|\\\\.|'')*')?");

  /**
   * The driver logs every SQL error as a warning on the console by itself, besides throwing it (a changelog table not
   * there yet, a failure a scenario expects). Its log goes to java.util.logging instead, where Rehearsal's own goes,
   * quiet below SEVERE unless the user set a level or chose another logger for it.
   */
  private static final java.util.logging.Logger DRIVER_LOG = java.util.logging.Logger.getLogger("org.mariadb.jdbc");

  static {
    if (System.getProperty("mariadb.logging.fallback") == null && System.getProperty("mariadb.logging.disable") == null
        && System.getProperty("mariadb.logging.slf4j.enable") == null) {
      System.setProperty("mariadb.logging.fallback", "JDK");
      System.setProperty("mariadb.logging.slf4j.enable", "false");
    }
    if (DRIVER_LOG.getLevel() == null) {
      DRIVER_LOG.setLevel(java.util.logging.Level.SEVERE);
    }
  }

  private final String name;
  private final MariadbUrl door;
  private final MariadbScratches scratches;
  private final MariadbBackups backups;
  private final StateCopies copies;
  private String version;

  /**
   * @param url the door URL ({@code jdbc:mariadb://HOST:PORT/?user=...}), whose user creates and drops scratch
   *     databases and users
   * @param collation the collation of scratch databases, or null for the server's default
   * @param binDir where {@code mariadb-dump} and {@code mariadb} are, or null to find them on PATH
   * @throws IllegalArgumentException for a malformed URL or timeout, with the URL redacted
   */
  public MariadbDatabase(String name, String url, String statementTimeout, String lockTimeout, String collation,
      String binDir) {
    this.name = name;
    MariadbUrl parsed = MariadbUrl.parse(url);
    this.door = parsed.scheme().equals("mysql") ? parsed.withParameter("permitMysqlScheme", "true") : parsed;
    if (collation != null && !collation.matches("[A-Za-z0-9_]+")) {
      throw new IllegalArgumentException("databases." + name + ".collation '" + collation + "' is not a collation "
          + "name — write e.g. utf8mb4_bin, or leave it out for the server's default");
    }
    this.scratches = new MariadbScratches(door, Timeouts.parse(statementTimeout, lockTimeout), collation);
    this.backups = new MariadbBackups(this, new MariadbTools(binDir));
    this.copies = new StateCopies(scratches, backups);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public synchronized String version() {
    if (version == null) {
      try (Connection admin = scratches.door(); Statement statement = admin.createStatement();
          ResultSet rs = statement.executeQuery("SELECT VERSION()")) {
        rs.next();
        String text = rs.getString(1);
        version = (text.toLowerCase(java.util.Locale.ROOT).contains("mariadb") ? "MariaDB " : "MySQL ")
            + text.replaceAll("-MariaDB.*$", "");
      } catch (SQLException e) {
        throw DatabaseException.infrastructure("cannot read the version of MariaDB at " + door.shown(), e,
            MariadbScratches.hint(e));
      }
    }
    return version;
  }

  /**
   * One line when the door user may do more than Rehearsal needs (every privilege on every database, as the default
   * local {@code root} has); none when the server cannot be reached (the scenario runs report that).
   */
  @Override
  public List<String> notices() {
    try (Connection admin = scratches.door(); Statement statement = admin.createStatement();
        ResultSet rs = statement.executeQuery("SELECT CURRENT_USER(), Super_priv FROM mysql.user "
            + "WHERE CONCAT(User, '@', Host) = CURRENT_USER()")) {
      if (rs.next() && "Y".equals(rs.getString(2))) {
        return List.of("notice: " + name + ": the door user " + rs.getString(1) + " has every privilege; Rehearsal "
            + "needs only CREATE, DROP, CREATE USER and GRANT OPTION (steps run as a user of their own)");
      }
      return List.of();
    } catch (SQLException | DatabaseException e) {
      return List.of();
    }
  }

  @Override
  public ScratchDatabase createScratch(String label) {
    return scratches.create(label);
  }

  /** A new scratch database holding what {@code template} holds: its dump loaded, as a restore does. */
  @Override
  public ScratchDatabase createScratchFrom(ScratchDatabase template, String label) {
    return copies.copy((MariadbScratch) template, label);
  }

  /**
   * Why a copy of {@code template} would not be what its migrations leave: an index named like its foreign key may be
   * the one MariaDB made for the key, which it drops by itself once another index serves the key; a dump writes it as
   * an ordinary index, which stays. MariaDB does not say which kind an index is, so such a state is not cached.
   */
  @Override
  public Optional<String> inexactCopy(ScratchDatabase template) {
    try (Connection admin = scratches.connect(door.withDatabase(template.location()), "scratch database "
        + template.location()); Statement statement = admin.createStatement(); ResultSet rs = statement.executeQuery(
            "SELECT r.TABLE_NAME, r.CONSTRAINT_NAME FROM information_schema.REFERENTIAL_CONSTRAINTS r "
            + "WHERE r.CONSTRAINT_SCHEMA = DATABASE() AND EXISTS (SELECT 1 FROM information_schema.STATISTICS s "
            + "WHERE s.TABLE_SCHEMA = DATABASE() AND s.TABLE_NAME = r.TABLE_NAME AND s.INDEX_NAME = r.CONSTRAINT_NAME) "
            + "ORDER BY 1, 2 LIMIT 1")) {
      return rs.next() ? Optional.of("the index " + rs.getString(2) + " on " + rs.getString(1) + " may be the one "
          + "MariaDB made for the foreign key of that name, which a copy would make an ordinary index") : Optional.empty();
    } catch (SQLException e) {
      throw DatabaseException.infrastructure("cannot inspect the cached state " + template.location(), e,
          MariadbScratches.hint(e));
    }
  }

  @Override
  public List<String> dropProblems() {
    return scratches.takeProblems();
  }

  @Override
  public void dropLeftovers() {
    scratches.dropLeftovers();
  }

  /** The operator's own database ({@code --db}): reached as the door URL's user. */
  @Override
  public Connector existing(String location) {
    MariadbUrl url = door.withDatabase(location);
    return () -> scratches.connect(url, "database " + location);
  }

  @Override
  public List<String> clean(Duration olderThan, Consumer<String> skipped, Consumer<String> young) {
    try (Connection admin = scratches.door()) {
      return MariadbClean.clean(admin, olderThan, skipped, young);
    } catch (SQLException e) {
      throw DatabaseException.infrastructure("cannot clean scratch databases on " + door.shown(), e,
          MariadbScratches.hint(e));
    }
  }

  @Override
  public BackupTool backups() {
    return backups;
  }

  @Override
  public Catalog catalog() {
    return new MariadbCatalog();
  }

  @Override
  public ClassifiedError classify(SQLException error) {
    return MariadbErrors.classify(error);
  }

  @Override
  public String withoutRowValues(String message) {
    if (message == null) {
      return null;
    }
    String masked = QUOTED_VALUES.matcher(message).replaceAll(m -> Matcher.quoteReplacement(m.group(1)
        + (m.group(2) == null ? "" : RowValues.WITHHELD)));
    return RowValues.masked(masked);
  }

  @Override
  public dev.rehearsal.database.SeedDialect seedDialect() {
    return new MariadbSeedDialect();
  }

  /** Backticks, doubled inside: MariaDB reads double quotes as strings unless sql_mode has ANSI_QUOTES. */
  @Override
  public String quote(String identifier) {
    return Arrays.stream(identifier.split("\\.")).map(MariadbSql::id).collect(Collectors.joining("."));
  }

  MariadbUrl doorUrl() {
    return door;
  }

  /** The URL to reach {@code location} with: a live scratch database's own user, else the door user. */
  MariadbUrl urlOf(String location) {
    MariadbScratch scratch = scratches.live(location);
    return scratch != null ? scratch.stepsUrl() : door.withDatabase(location);
  }

  Connection connect(MariadbUrl url, String what) {
    return scratches.connect(url, what);
  }
}
