package dev.rehearsal.database.postgres;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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
  /**
   * A password parameter, in a JDBC query ({@code &password=...}), a libpq connection string ({@code password='a b'})
   * or an environment listing ({@code PGPASSWORD=...}): the value runs to the next {@code &} or blank, or is quoted.
   */
  private static final Pattern SECRET = Pattern.compile("(?i)((?:ssl)?password)=('(?:[^'\\\\]|\\\\.)*'?|[^&\\s]*)");
  /**
   * The user-info of any {@code scheme://user:password@host} URL: everything from {@code //} to the last {@code @}
   * before a blank or quote, so that a password holding {@code /}, {@code :}, {@code @} or {@code %40} is hidden
   * whole (a {@code @} in a query hides more than needed, never less).
   */
  private static final Pattern USER_INFO = Pattern.compile("//[^\\s'\"<>]*@");

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
    if (m.matches() && url.strip().split("\\?", 2)[0].contains("@")) {
      throw new IllegalArgumentException("'" + redact(url) + "' has a user and password before the host, which the "
          + "PostgreSQL driver does not read there — write jdbc:postgresql://HOST:PORT/DATABASE?user=NAME&password=...");
    }
    if (!m.matches()) {
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
    PgUrl parsed = new PgUrl(m.group(1).isEmpty() ? "localhost" : m.group(1), database, parameters);
    for (String host : parsed.hosts.split(",")) {
      String port = port(host);
      if (port != null && !(port.matches("[0-9]{1,5}") && Integer.parseInt(port) >= 1
          && Integer.parseInt(port) <= 65535)) {
        throw new IllegalArgumentException("'" + redact(url) + "' has port '" + port + "' — a port is a number from "
            + "1 to 65535 (PostgreSQL listens on 5432 unless told otherwise)");
      }
    }
    return parsed;
  }

  /** The port of {@code host:port} ({@code [v6]:port}), or null when it names none. */
  private static String port(String host) {
    int colon = host.lastIndexOf(':');
    return colon > 0 && !host.endsWith("]") ? host.substring(colon + 1) : null;
  }

  /** The first host, without its port, and an IPv6 address without its brackets (as libpq's tools take it). */
  String host() {
    String first = hosts.split(",")[0];
    String port = port(first);
    String host = port == null ? first : first.substring(0, first.length() - port.length() - 1);
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  /** The port of the first host, or null when the URL leaves it to the default. */
  String port() {
    return port(hosts.split(",")[0]);
  }

  /**
   * A parameter's value as the driver sees it, percent-decoded ({@code user=a%40b} is {@code a@b}), or null: for
   * tools that take it apart from the URL ({@code pg_dump}, {@code psql}).
   */
  String decoded(String key) {
    String value = parameters.get(key);
    return value == null ? null : URLDecoder.decode(value, StandardCharsets.UTF_8);
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
    StringBuilder command = new StringBuilder("psql -h ").append(host());
    if (port() != null) {
      command.append(" -p ").append(port());
    }
    if (decoded("user") != null) {
      command.append(" -U ").append(decoded("user"));
    }
    return command.append(" -d ").append(database).toString();
  }
}
