package dev.rehearsal.backup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.database.Databases;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fields of one manifest, read one by one and checked: present, of their type and sane. What is wrong goes to
 * {@link #problems}, each naming its field; values from the file are shown shortened and escaped.
 */
final class ManifestFields {

  private static final Set<String> FIELDS = Set.of("format", "label", "database_kind", "created_at", "file",
      "sha256", "version", "changelog_table", "schema_hash", "tables");
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern TABLE_HASH = Pattern.compile("[0-9a-f]{32}");
  private static final Pattern VERSION = Pattern.compile("base|[0-9]{1,40}(\\.[0-9]{1,20})?");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$.]{0,127}");

  private final JsonNode root;
  /** What is wrong, one line each, naming the field. */
  final List<String> problems = new ArrayList<>();

  ManifestFields(JsonNode root) {
    this.root = root;
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        problems.add(shown(name) + ": not a manifest field");
      }
    }
  }

  /** The manifest the fields make, or null when any is wrong (see {@link #problems}). */
  Manifest manifest() {
    int format = format();
    String label = text("label", Pattern.compile("[^\\p{Cntrl}]{1,200}"), "a label of 1 to 200 characters");
    String kind = text("database_kind", null, null);
    if (kind != null && !Databases.kinds().contains(kind)) {
      problems.add("database_kind: '" + shown(kind) + "' is not an engine Rehearsal knows ("
          + String.join(", ", Databases.kinds()) + ")");
      kind = null;
    }
    String createdAt = instant();
    String fileName = text("file", Pattern.compile("[^/\\\\\\p{Cntrl}]{1,255}"), "a file name");
    if (".".equals(fileName) || "..".equals(fileName)) {
      problems.add("file: '" + fileName + "' is not a file name");
    }
    String sha256 = text("sha256", SHA256, "a SHA-256 (64 lower-case hex digits)");
    String version = text("version", VERSION, "a migration id or base");
    String changelog = text("changelog_table", NAME, "a table name");
    String schemaHash = text("schema_hash", SHA256, "a SHA-256 (64 lower-case hex digits)");
    Map<String, Manifest.Table> tables = tables();
    if (!problems.isEmpty()) {
      return null;
    }
    return new Manifest(format, label, kind, createdAt, fileName, sha256, version, changelog, schemaHash, tables);
  }

  private int format() {
    JsonNode node = root.get("format");
    if (node == null || !node.isInt()) {
      problems.add("format: " + describe(node) + ", not a number");
      return 0;
    }
    if (node.intValue() == 1) {
      problems.add("format: 1 is the manifest of an earlier Rehearsal, which did not read its backups back nor "
          + "name the changelog table — take the backup again, or check and restore it by hand "
          + "(docs/migrations.md)");
    } else if (node.intValue() != Manifest.FORMAT) {
      problems.add("format: " + node.intValue() + " is not a format this Rehearsal reads (it reads "
          + Manifest.FORMAT + ")");
    }
    return node.intValue();
  }

  private String instant() {
    String text = text("created_at", null, null);
    if (text != null) {
      try {
        Instant.parse(text);
      } catch (DateTimeParseException e) {
        problems.add("created_at: '" + shown(text) + "' is not a time (ISO-8601, e.g. 2025-01-02T03:04:05Z)");
      }
    }
    return text;
  }

  private Map<String, Manifest.Table> tables() {
    JsonNode node = root.get("tables");
    Map<String, Manifest.Table> tables = new LinkedHashMap<>();
    if (node == null || !node.isObject()) {
      problems.add("tables: " + describe(node) + ", not an object of tables");
      return tables;
    }
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      String field = "tables." + shown(entry.getKey());
      if (!Pattern.matches("[^\\p{Cntrl}]{1,256}", entry.getKey())) {
        problems.add(field + ": not a table name");
        continue;
      }
      JsonNode table = entry.getValue();
      if (!table.isObject()) {
        problems.add(field + ": " + describe(table) + ", not {rows, hash}");
        continue;
      }
      for (Iterator<String> names = table.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!name.equals("rows") && !name.equals("hash")) {
          problems.add(field + "." + shown(name) + ": not a field of a table");
        }
      }
      JsonNode rows = table.get("rows");
      JsonNode hash = table.get("hash");
      boolean good = true;
      if (rows == null || !rows.isIntegralNumber() || !rows.canConvertToLong() || rows.longValue() < 0) {
        problems.add(field + ".rows: " + describe(rows) + ", not a row count (a whole number, 0 or more)");
        good = false;
      }
      if (hash == null || !hash.isTextual() || !TABLE_HASH.matcher(hash.textValue()).matches()) {
        problems.add(field + ".hash: " + describe(hash) + ", not a content hash (32 lower-case hex digits)");
        good = false;
      }
      if (good) {
        tables.put(entry.getKey(), new Manifest.Table(rows.longValue(), hash.textValue()));
      }
    }
    return tables;
  }

  /** A string field, checked against {@code pattern} when given. */
  private String text(String field, Pattern pattern, String what) {
    JsonNode node = root.get(field);
    if (node == null || !node.isTextual()) {
      problems.add(field + ": " + describe(node) + ", not a string");
      return null;
    }
    if (pattern != null && !pattern.matcher(node.textValue()).matches()) {
      problems.add(field + ": '" + shown(node.textValue()) + "' is not " + what);
      return null;
    }
    return node.textValue();
  }

  private static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "missing";
    }
    if (node.isNull()) {
      return "null";
    }
    return node.isTextual() ? "'" + shown(node.textValue()) + "'" : shown(node.toString());
  }

  /** A value from the file, shortened and with control characters escaped, for a message. */
  static String shown(String text) {
    String shortened = text.length() > 80 ? text.substring(0, 77) + "..." : text;
    StringBuilder out = new StringBuilder();
    shortened.codePoints().forEach(c -> {
      if (Character.isISOControl(c)) {
        out.append(String.format("\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }
}
