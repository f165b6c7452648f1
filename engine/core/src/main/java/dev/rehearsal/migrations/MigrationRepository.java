package dev.rehearsal.migrations;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.ibatis.migration.Change;
import org.apache.ibatis.migration.Environment;
import org.apache.ibatis.migration.MigrationException;
import org.apache.ibatis.migration.options.DatabaseOperationOption;

/**
 * A MyBatis Migrations repository: {@code environments/ENV.properties} and one or more scripts directories. The
 * environment supplies the changelog table name, the script settings and the {@code ${variables}}; its url,
 * username and password are ignored, because scenarios run only in databases Rehearsal creates.
 */
public final class MigrationRepository {

  private static final Pattern FILE_NAME = Pattern.compile("([0-9]+)_.*\\.sql");

  private final Path root;
  private final String environment;
  private final List<Migration> migrations;
  private final Properties variables;
  private final Properties fileVariables;
  private final DatabaseOperationOption options;
  private final ScriptsLoader loader;
  private final String charset;

  private MigrationRepository(Path root, String environment, List<Migration> migrations, Properties variables,
      Properties fileVariables, DatabaseOperationOption options, ScriptsLoader loader, String charset) {
    this.root = root;
    this.charset = charset;
    this.environment = environment;
    this.migrations = List.copyOf(migrations);
    this.variables = variables;
    this.fileVariables = fileVariables;
    this.options = options;
    this.loader = loader;
  }

  /**
   * Opens the repository at {@code root} with scripts in {@code scriptsDirs} and the environment {@code env}.
   *
   * @throws RepositoryException when a directory or the environment file is missing, a script name has no numeric
   *     id, two scripts share an id, or the environment asks for something MyBatis cannot do in-process
   */
  public static MigrationRepository open(Path root, List<Path> scriptsDirs, String env) {
    if (!Files.isDirectory(root)) {
      throw new RepositoryException("migrations directory " + root + " not found — set paths.migrations in "
          + "rehearsal.yaml or pass --migrations DIR");
    }
    Path envFile = root.resolve("environments").resolve(env + ".properties");
    if (!Files.isRegularFile(envFile)) {
      throw new RepositoryException("environment file " + envFile + " not found — create it (see docs/migrations.md);"
          + " it names the changelog table and supplies ${variables}");
    }
    Environment environment;
    try {
      environment = new Environment(envFile.toFile());
    } catch (MigrationException e) {
      throw new RepositoryException("cannot read " + envFile + ": " + e.getMessage(), e);
    }
    if (environment.isAutoCommit()) {
      throw new RepositoryException(envFile + " sets auto_commit=true, which MyBatis Migrations 3.5.0 cannot run "
          + "(its changelog code always commits): remove it. Statements such as CREATE INDEX CONCURRENTLY cannot "
          + "run through MyBatis.");
    }
    String charset = explicitCharset(envFile) ? environment.getScriptCharset() : StandardCharsets.UTF_8.name();
    Properties variables = environment.getVariables();
    List<File> dirs = new ArrayList<>();
    List<Migration> migrations = new ArrayList<>();
    Map<BigDecimal, Path> seen = new HashMap<>();
    for (Path dir : scriptsDirs) {
      if (!Files.isDirectory(dir)) {
        throw new RepositoryException("scripts directory " + dir + " not found — check paths.scripts in "
            + "rehearsal.yaml");
      }
      dirs.add(dir.toFile());
      for (Path file : scripts(dir)) {
        Migration migration = parse(file);
        Path other = seen.putIfAbsent(migration.id(), file);
        if (other != null) {
          throw new RepositoryException("two scripts have id " + migration.id().toPlainString() + ": " + other
              + " and " + file + " — give each migration its own id");
        }
        migrations.add(migration);
      }
    }
    migrations.sort(Comparator.comparing(Migration::id));
    DatabaseOperationOption options = new DatabaseOperationOption();
    options.setChangelogTable(variables.getProperty(Environment.CHANGELOG, "CHANGELOG"));
    options.setThrowWarning(false);
    options.setStopOnError(true);
    options.setAutoCommit(false);
    options.setDelimiter(environment.getDelimiter());
    options.setFullLineDelimiter(environment.isFullLineDelimiter());
    options.setSendFullScript(environment.isSendFullScript());
    options.setRemoveCRs(environment.isRemoveCrs());
    return new MigrationRepository(root, env, migrations, variables, fileVariables(envFile, variables), options,
        new ScriptsLoader(dirs, charset, variables), charset);
  }

  /**
   * The variables as the environment file itself writes them: the keys MyBatis takes as variables (not settings)
   * that the file has, with the file's values. What MyBatis adds from the process ({@code MIGRATIONS_*} environment
   * variables and system properties, and {@code ${...}} in values looked up there) is left out.
   */
  private static Properties fileVariables(Path envFile, Properties variables) {
    Properties raw = new Properties();
    try (InputStream in = Files.newInputStream(envFile)) {
      raw.load(in);
    } catch (IOException e) {
      throw new RepositoryException("cannot read " + envFile + ": " + e.getMessage(), e);
    }
    Properties own = new Properties();
    raw.stringPropertyNames().stream().filter(variables::containsKey)
        .forEach(key -> own.setProperty(key, raw.getProperty(key)));
    return own;
  }

  private static boolean explicitCharset(Path envFile) {
    Properties raw = new Properties();
    try (InputStream in = Files.newInputStream(envFile)) {
      raw.load(in);
    } catch (IOException e) {
      return false;
    }
    return raw.containsKey("script_char_set");
  }

  private static List<Path> scripts(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".sql"))
          .filter(p -> !List.of("bootstrap.sql", "onabort.sql").contains(p.getFileName().toString()))
          .sorted().toList();
    } catch (IOException e) {
      throw new RepositoryException("cannot list scripts in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static Migration parse(Path file) {
    String name = file.getFileName().toString();
    var matcher = FILE_NAME.matcher(name);
    if (!matcher.matches()) {
      throw new RepositoryException("script " + file + " is not named <id>_<description>.sql — MyBatis takes the "
          + "number before the first _ as the migration id");
    }
    String words = name.substring(matcher.group(1).length() + 1, name.length() - ".sql".length());
    return new Migration(new BigDecimal(matcher.group(1)), words.replace('_', ' '), file);
  }

  public Path root() {
    return root;
  }

  public String environment() {
    return environment;
  }

  /** Every script, ordered by id as numbers (as MyBatis orders them). */
  public List<Migration> migrations() {
    return migrations;
  }

  public SortedSet<BigDecimal> ids() {
    TreeSet<BigDecimal> ids = new TreeSet<>();
    migrations.forEach(m -> ids.add(m.id()));
    return ids;
  }

  /**
   * The {@code ${variables}} MyBatis gives migration scripts (a copy): the environment file's, overridden and extended
   * by {@code MIGRATIONS_*} process environment variables and system properties, as the MyBatis CLI does.
   */
  public Properties variables() {
    Properties copy = new Properties();
    copy.putAll(variables);
    return copy;
  }

  /**
   * The {@code ${variables}} scenario SQL gets ({@code sql:} steps, {@code .sql} fixtures; a copy): only the
   * environment file's own, never the process environment, so a scenario cannot copy a CI secret such as
   * {@code MIGRATIONS_PASSWORD} into a report.
   */
  public Properties scenarioVariables() {
    Properties copy = new Properties();
    copy.putAll(fileVariables);
    return copy;
  }

  public String changelogTable() {
    return options.getChangelogTable();
  }

  DatabaseOperationOption options() {
    return options;
  }

  ScriptsLoader loader() {
    return loader;
  }

  /**
   * A hash of everything that decides the state a database reaches by migrating from empty to {@code upTo}: the
   * changelog table, the environment's variables and the bytes of every script up to it. A cached state is reused
   * only under the same hash, so changing one byte of one script invalidates exactly the states that include it.
   */
  public String stateHash(BigDecimal upTo) {
    try {
      java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
      digest.update(changelogTable().getBytes(StandardCharsets.UTF_8));
      new java.util.TreeMap<>(variables).forEach((key, value) -> digest.update(("\n" + key + "=" + value)
          .getBytes(StandardCharsets.UTF_8)));
      for (Migration migration : migrations) {
        if (migration.id().compareTo(upTo) > 0) {
          break;
        }
        digest.update(("\n" + migration.fileName() + "\n").getBytes(StandardCharsets.UTF_8));
        digest.update(Files.readAllBytes(migration.file()));
      }
      return java.util.HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new RepositoryException("cannot read the scripts: " + e.getMessage(), e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** The encoding of the scripts. */
  String charset() {
    return charset;
  }

  /** The up (or undo) section of a script with variables replaced, as MyBatis would run it. */
  String section(Migration migration, boolean undo) {
    Change change = new Change(migration.id());
    change.setFilename(migration.fileName());
    try (Reader reader = loader.getScriptReader(change, undo)) {
      StringBuilder text = new StringBuilder();
      char[] buffer = new char[8192];
      for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
        text.append(buffer, 0, n);
      }
      return text.toString();
    } catch (IOException | MigrationException e) {
      throw new RepositoryException("cannot read " + migration.file() + ": " + e.getMessage(), e);
    }
  }
}
