package dev.rehearsal.database.mariadb;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A {@code jdbc:mariadb://} (or {@code jdbc:mysql://}) URL taken apart, so that the database and user can be swapped
 * for a scratch database's and the URL shown without its password.
 */
record MariadbUrl(String scheme, String host, String port, String database, Map<String, String> parameters) {

  private static final Pattern URL = Pattern.compile("jdbc:(mariadb|mysql)://([^/?:]*)(?::([0-9]+))?/?([^?]*)"
      + "(?:\\?(.*))?");
  private static final Pattern SECRET = Pattern.compile("(?i)(password|pwd)=('(?:[^'\\\\]|\\\\.)*'?|[^&\\s]*)");
  private static final Pattern USER_INFO = Pattern.compile("//[^\\s'\"<>]*@");

  MariadbUrl {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(database, "database");
    parameters = new LinkedHashMap<>(parameters);
  }

  /**
   * @throws IllegalArgumentException with the redacted URL when it is not a MariaDB or MySQL JDBC URL
   */
  static MariadbUrl parse(String url) {
    String text = url.strip();
    Matcher m = URL.matcher(text);
    if (!m.matches() || text.split("\\?", 2)[0].contains("@")) {
      throw new IllegalArgumentException("'" + redact(url) + "' is not a MariaDB JDBC URL — write "
          + "jdbc:mariadb://HOST:PORT/?user=NAME (and password=... if the server asks for one)");
    }
    String port = m.group(3);
    if (port != null && (port.length() > 5 || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535)) {
      throw new IllegalArgumentException("'" + redact(url) + "' has port '" + port + "' — a port is a number from "
          + "1 to 65535 (MariaDB listens on 3306 unless told otherwise)");
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    if (m.group(5) != null && !m.group(5).isEmpty()) {
      for (String pair : m.group(5).split("&")) {
        int eq = pair.indexOf('=');
        parameters.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
      }
    }
    return new MariadbUrl(m.group(1), m.group(2).isEmpty() ? "localhost" : m.group(2), port, m.group(4),
        parameters);
  }

  /** Any text with passwords and URL user-info replaced by {@code ***}. */
  static String redact(String text) {
    if (text == null) {
      return null;
    }
    return USER_INFO.matcher(SECRET.matcher(text).replaceAll("$1=***")).replaceAll("//***@");
  }

  /** A parameter's value, percent-decoded, or null. */
  String decoded(String key) {
    String value = parameters.get(key);
    return value == null ? null : URLDecoder.decode(value, StandardCharsets.UTF_8);
  }

  MariadbUrl withDatabase(String name) {
    return new MariadbUrl(scheme, host, port, name, parameters);
  }

  MariadbUrl withParameter(String key, String value) {
    Map<String, String> copy = new LinkedHashMap<>(parameters);
    copy.put(key, value);
    return new MariadbUrl(scheme, host, port, database, copy);
  }

  String jdbc() {
    String query = parameters.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("&"));
    return "jdbc:" + scheme + "://" + host + (port == null ? "" : ":" + port) + "/" + database
        + (query.isEmpty() ? "" : "?" + query);
  }

  /** The URL for people: the password replaced by {@code ***}. */
  String shown() {
    return redact(jdbc());
  }

  /** A client command that opens this database (the password, if any, is left to MYSQL_PWD or a prompt). */
  String client() {
    StringBuilder command = new StringBuilder("mariadb -h ").append(host);
    if (port != null) {
      command.append(" -P ").append(port);
    }
    if (decoded("user") != null) {
      command.append(" -u ").append(decoded("user"));
    }
    if (decoded("password") != null && !decoded("password").isEmpty()) {
      command.append(" -p");
    }
    return command.append(database.isEmpty() ? "" : " " + database).toString();
  }
}
