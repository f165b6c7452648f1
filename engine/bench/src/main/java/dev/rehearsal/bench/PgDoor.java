package dev.rehearsal.bench;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A PostgreSQL JDBC URL taken apart: the server, the database and the parameters (user, password, ...). */
record PgDoor(String server, String database, Map<String, String> parameters) {

  private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]*)/?([^?]*)(?:\\?(.*))?");

  static PgDoor parse(String url) {
    Matcher m = URL.matcher(url.strip());
    if (!m.matches()) {
      throw new BenchException("'" + redact(url) + "' is not a PostgreSQL JDBC URL — write "
          + "jdbc:postgresql://HOST:PORT/DATABASE?user=NAME");
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    if (m.group(3) != null) {
      for (String pair : m.group(3).split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          parameters.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return new PgDoor(m.group(1), m.group(2).isEmpty() ? "postgres" : m.group(2), Map.copyOf(parameters));
  }

  /** The URL of another database on the same server, with the same parameters. */
  String url(String otherDatabase) {
    StringBuilder url = new StringBuilder(server).append('/').append(otherDatabase);
    String separator = "?";
    for (Map.Entry<String, String> parameter : new java.util.TreeMap<>(parameters).entrySet()) {
      url.append(separator).append(parameter.getKey()).append('=')
          .append(java.net.URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
      separator = "&";
    }
    return url.toString();
  }

  /** The URL of another database without user and password, for tools that take those apart. */
  String bareUrl(String otherDatabase) {
    return server + "/" + otherDatabase;
  }

  String user() {
    return parameters.getOrDefault("user", System.getProperty("user.name"));
  }

  String password() {
    return parameters.getOrDefault("password", "");
  }

  /** The URL as it may be printed: no password. */
  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***");
  }
}
