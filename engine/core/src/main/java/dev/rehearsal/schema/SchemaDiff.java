package dev.rehearsal.schema;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.rehearsal.database.SchemaFact;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What differs between two schema snapshots, in words (one line per difference, such as
 * {@code column users.nickname: NOT NULL after rollback, nullable before}) and as a unified diff of their canonical
 * text.
 */
public record SchemaDiff(List<String> changes, String unified) {

  public SchemaDiff {
    changes = List.copyOf(changes);
    Objects.requireNonNull(unified, "unified");
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /**
   * Compares {@code expected} (described by {@code expectedWhen}, e.g. "before") with {@code actual} (e.g. "after
   * rollback").
   */
  public static SchemaDiff between(SchemaSnapshot expected, SchemaSnapshot actual, String expectedWhen,
      String actualWhen) {
    if (expected.facts().equals(actual.facts())) {
      // The usual answer, found without building maps, texts and a diff (a round-trip asks three times a migration).
      return new SchemaDiff(List.of(), "");
    }
    Map<String, SchemaFact> before = expected.byKey();
    Map<String, SchemaFact> after = actual.byKey();
    Set<String> keys = new LinkedHashSet<>(before.keySet());
    keys.addAll(after.keySet());
    List<String> changes = new ArrayList<>();
    for (String key : keys) {
      SchemaFact was = before.get(key);
      SchemaFact now = after.get(key);
      if (now == null) {
        changes.add(was.key() + ": absent " + actualWhen + ", present " + expectedWhen);
      } else if (was == null) {
        changes.add(now.key() + ": present " + actualWhen + ", absent " + expectedWhen);
      } else if (!was.line().equals(now.line())) {
        changes.addAll(propertyChanges(was, now, expectedWhen, actualWhen));
      }
    }
    return new SchemaDiff(changes, unified(expected, actual, expectedWhen, actualWhen));
  }

  private static List<String> propertyChanges(SchemaFact was, SchemaFact now, String expectedWhen,
      String actualWhen) {
    List<String> changes = new ArrayList<>();
    if (!was.properties().keySet().equals(now.properties().keySet())) {
      changes.add(now.key() + ": " + value(now.line(), now) + " " + actualWhen + ", " + value(was.line(), was) + " "
          + expectedWhen);
      return changes;
    }
    for (String property : was.properties().keySet()) {
      String before = was.properties().get(property);
      String after = now.properties().get(property);
      if (!before.equals(after)) {
        changes.add(now.key() + ": " + after + " " + actualWhen + ", " + before + " " + expectedWhen);
      }
    }
    return changes;
  }

  private static String value(String line, SchemaFact fact) {
    String prefix = fact.key() + ": ";
    return line.startsWith(prefix) ? "'" + line.substring(prefix.length()) + "'" : "'" + line + "'";
  }

  private static String unified(SchemaSnapshot expected, SchemaSnapshot actual, String expectedWhen,
      String actualWhen) {
    List<String> from = expected.text().lines().toList();
    List<String> to = actual.text().lines().toList();
    Patch<String> patch = DiffUtils.diff(from, to);
    if (patch.getDeltas().isEmpty()) {
      return "";
    }
    return String.join("\n", UnifiedDiffUtils.generateUnifiedDiff(expectedWhen, actualWhen, from, patch, 1));
  }

  /** The changes, one per line, then the unified diff. */
  public String render() {
    return String.join("\n", changes) + (unified.isEmpty() ? "" : "\n\n" + unified);
  }
}
