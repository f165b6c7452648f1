package dev.rehearsal.scaffold;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code environments/NAME.properties} of a MyBatis repository, as far as setting up Rehearsal needs it: which
 * database its URL is for, and the settings that change how scripts run.
 *
 * @param database the database its {@code url} names ({@code sqlite}, {@code postgres}, {@code mariadb}, another
 *     JDBC subprotocol), or empty when it has no url
 * @param changelog the changelog table ({@code changelog=}, default {@code CHANGELOG})
 * @param sendFullScript whether scripts are sent whole instead of split into statements
 * @param delimiter the statement delimiter ({@code delimiter=}, default {@code ;})
 * @param fullLineDelimiter whether the delimiter must stand alone on its line
 * @param autoCommit whether each statement commits on its own, which Rehearsal refuses
 */
public record EnvironmentFile(String name, Path file, String database, String changelog, boolean sendFullScript,
    String delimiter, boolean fullLineDelimiter, boolean autoCommit) {

  private static final Pattern SUBPROTOCOL = Pattern.compile("jdbc:([a-z0-9]+):", Pattern.CASE_INSENSITIVE);

  public EnvironmentFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(changelog, "changelog");
    Objects.requireNonNull(delimiter, "delimiter");
  }

  /** Reads the file as MyBatis does (a properties file). */
  static EnvironmentFile read(Path file) {
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    String fileName = file.getFileName().toString();
    return new EnvironmentFile(fileName.substring(0, fileName.length() - ".properties".length()), file,
        database(properties.getProperty("url", "")), value(properties, "changelog", "CHANGELOG"),
        flag(properties, "send_full_script"), value(properties, "delimiter", ";"),
        flag(properties, "full_line_delimiter"), flag(properties, "auto_commit"));
  }

  private static String database(String url) {
    Matcher matcher = SUBPROTOCOL.matcher(url.strip());
    if (!matcher.lookingAt()) {
      return "";
    }
    String subprotocol = matcher.group(1).toLowerCase(Locale.ROOT);
    return switch (subprotocol) {
      case "postgresql", "pgsql" -> "postgres";
      case "mysql" -> "mariadb";
      default -> subprotocol;
    };
  }

  private static String value(Properties properties, String key, String fallback) {
    String value = properties.getProperty(key, "").strip();
    return value.isEmpty() ? fallback : value;
  }

  private static boolean flag(Properties properties, String key) {
    return Boolean.parseBoolean(properties.getProperty(key, "false").strip());
  }

  /** How statements are cut, in words: what {@code rehearsal.yaml} and {@code init} say about it. */
  public String statements() {
    if (sendFullScript) {
      return "scripts are sent whole (send_full_script=true)";
    }
    return "statements end at '" + delimiter + "'" + (fullLineDelimiter ? " alone on a line" : " at line ends");
  }
}
