package dev.rehearsal.database.postgres;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A {@code jdbc:postgresql://} URL taken apart, so that the database name can be swapped for a scratch database
 * and the URL shown without its password.
 */
record PgUrl(String hosts, String database, Map<String, String> parameters) {

  private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^/?]*)(?:/([^?]*))?(?:\\?(.*))?");
  private static final Pattern SECRET = Pattern.compile("(?i)(password|sslpassword)=[^&]*");
  private static final Pattern USER_INFO = Pattern.compile("//[^/@]*@");

  PgUrl {
    Objects.requireNonNull(hosts, "hosts");
    Objects.requireNonNull(database, "database");
    parameters = new LinkedHashMap<>(parameters);
  }

  /**
   * Parses a URL.
   *
   * @throws IllegalArgumentException with the redacted URL when it is not a {@code jdbc:postgresql://} URL
   */
  static PgUrl parse(String url) {
    Matcher m = URL.matcher(url.strip());
    if (!m.matches() || m.group(1).contains("@")) {
      throw new IllegalArgumentException("'" + redact(url) + "' is not a PostgreSQL JDBC URL — write "
          + "jdbc:postgresql://HOST:PORT/DATABASE?user=NAME (and password=... if the server asks for one)");
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    if (m.group(3) != null && !m.group(3).isEmpty()) {
      for (String pair : m.group(3).split("&")) {
        int eq = pair.indexOf('=');
        parameters.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
      }
    }
    String database = m.group(2) == null || m.group(2).isEmpty() ? "postgres" : m.group(2);
    return new PgUrl(m.group(1).isEmpty() ? "localhost" : m.group(1), database, parameters);
  }

  /** Any text with passwords and URL user-info replaced by {@code ***}. */
  static String redact(String text) {
    if (text == null) {
      return null;
    }
    return USER_INFO.matcher(SECRET.matcher(text).replaceAll("$1=***")).replaceAll("//***@");
  }

  PgUrl withDatabase(String name) {
    return new PgUrl(hosts, name, parameters);
  }

  PgUrl withParameter(String key, String value) {
    Map<String, String> copy = new LinkedHashMap<>(parameters);
    copy.put(key, value);
    return new PgUrl(hosts, database, copy);
  }

  String jdbc() {
    String query = parameters.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("&"));
    return "jdbc:postgresql://" + hosts + "/" + database + (query.isEmpty() ? "" : "?" + query);
  }

  /** The URL for people: the password replaced by {@code ***}. */
  String shown() {
    return redact(jdbc());
  }

  /** A psql command that connects to this database (the password, if any, is left to PGPASSWORD). */
  String psql() {
    String first = Arrays.stream(hosts.split(",")).findFirst().orElse("localhost");
    int colon = first.lastIndexOf(':');
    boolean hasPort = colon > 0 && !first.endsWith("]");
    StringBuilder command = new StringBuilder("psql -h ").append(hasPort ? first.substring(0, colon) : first);
    if (hasPort) {
      command.append(" -p ").append(first.substring(colon + 1));
    }
    if (parameters.containsKey("user")) {
      command.append(" -U ").append(parameters.get("user"));
    }
    return command.append(" -d ").append(database).toString();
  }
}
