package dev.rehearsal.schema;

import dev.rehearsal.database.SchemaFact;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A schema as sorted facts, one per line. The canonical text is what golden files hold and what reviewers read in a
 * pull request: tables, then columns, keys, constraints, indexes, views and the rest, each group sorted by name, so
 * column order and catalog order never show up as a difference.
 */
public record SchemaSnapshot(List<SchemaFact> facts) {

  private static final Comparator<SchemaFact> ORDER = Comparator
      .comparingInt((SchemaFact f) -> kindRank(f.kind()))
      .thenComparing(f -> f.object().toLowerCase(java.util.Locale.ROOT))
      .thenComparing(SchemaFact::line);

  public SchemaSnapshot {
    List<SchemaFact> sorted = new ArrayList<>(facts);
    sorted.sort(ORDER);
    facts = List.copyOf(sorted);
  }

  /** One fact per line, sorted, ending with a newline. */
  public String text() {
    return facts.stream().map(SchemaFact::line).collect(Collectors.joining("\n", "", facts.isEmpty() ? "" : "\n"));
  }

  /** The facts by {@link SchemaFact#key()}. */
  public Map<String, SchemaFact> byKey() {
    Map<String, SchemaFact> map = new LinkedHashMap<>();
    facts.forEach(f -> map.put(f.key().toLowerCase(java.util.Locale.ROOT), f));
    return map;
  }

  /** A SHA-256 of the canonical text, for manifests. */
  public String hash() {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /**
   * Reads canonical text back (a golden file). Lines starting with {@code #} and blank lines are ignored. Each line
   * becomes a fact whose properties are the text after {@code ": "}, as written.
   */
  public static SchemaSnapshot parse(String text) {
    List<SchemaFact> facts = new ArrayList<>();
    for (String line : text.split("\\R")) {
      String stripped = line.strip();
      if (stripped.isEmpty() || stripped.startsWith("#")) {
        continue;
      }
      String kind = SchemaFact.KINDS.stream().filter(k -> stripped.startsWith(k + " "))
          .max(Comparator.comparingInt(String::length)).orElse("");
      String rest = kind.isEmpty() ? stripped : stripped.substring(kind.length() + 1);
      int colon = rest.indexOf(": ");
      String object = colon < 0 ? rest : rest.substring(0, colon);
      Map<String, String> properties = colon < 0 ? Map.of() : Map.of("as written", rest.substring(colon + 2));
      facts.add(new SchemaFact(kind.isEmpty() ? "fact" : kind, object, properties));
    }
    return new SchemaSnapshot(facts);
  }

  private static int kindRank(String kind) {
    int index = SchemaFact.KINDS.indexOf(kind);
    return index < 0 ? SchemaFact.KINDS.size() : index;
  }
}
