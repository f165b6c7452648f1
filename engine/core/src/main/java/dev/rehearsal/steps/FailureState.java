package dev.rehearsal.steps;

import dev.rehearsal.database.ScratchDatabase;
import dev.rehearsal.database.Session;
import dev.rehearsal.migrations.InjectedFailure;
import dev.rehearsal.migrations.Migration;
import dev.rehearsal.migrations.Migrator;
import dev.rehearsal.migrations.Outcome;
import dev.rehearsal.scenario.Target;
import dev.rehearsal.schema.SchemaSnapshot;
import dev.rehearsal.schema.Snapshots;
import java.math.BigDecimal;
import java.util.List;

/**
 * Says what a simulated failure left behind: the changelog version, and whether the schema is the one before the
 * failing script, the one after it, or neither ({@code inconsistent}). The two reference schemas come from a
 * throwaway scratch database of the same engine, migrated just before and just after the script.
 */
final class FailureState {

  private FailureState() {}

  static String describe(StepContext context, InjectedFailure failure) {
    String version = Outcome.show(context.migrator().version());
    String changelog = context.repository().changelogTable();
    SchemaSnapshot now;
    try (Session session = context.session()) {
      now = Snapshots.schema(session, changelog);
    }
    SchemaSnapshot without;
    SchemaSnapshot with;
    try (ScratchDatabase probe = context.database().createScratch("probe_" + System.nanoTime())) {
      Migrator migrator = new Migrator(context.repository(), probe);
      BigDecimal previous = previous(context, failure.migration());
      if (previous != null) {
        migrator.apply(Target.id(previous));
      }
      without = schema(context, probe, changelog);
      migrator.apply(Target.id(failure.migration()));
      with = schema(context, probe, changelog);
    }
    SchemaSnapshot beforeScript = failure.undo() ? with : without;
    SchemaSnapshot afterScript = failure.undo() ? without : with;
    String state = now.text().equals(beforeScript.text()) ? "before"
        : now.text().equals(afterScript.text()) ? "after" : "inconsistent";
    String meaning = switch (state) {
      case "before" -> "the failing script left no trace";
      case "after" -> recorded(context, failure) ? "the script's changes are in place"
          : "the script's schema changes are in place, but the changelog does not record them: the next "
              + (failure.undo() ? "rollback" : "apply") + " runs the script again";
      default -> "the schema matches neither side of the script" + partly(now, beforeScript, afterScript);
    };
    return "left at version " + version + ", schema " + state + " " + failure.migration().toPlainString() + " ("
        + meaning + ")";
  }

  /** Whether the changelog says what the schema does: the script applied (or, for an undo, rolled back). */
  private static boolean recorded(StepContext context, InjectedFailure failure) {
    BigDecimal version = context.migrator().version();
    boolean applied = version != null && version.compareTo(failure.migration()) >= 0;
    return failure.undo() != applied;
  }

  /** Shown at most, of what a half-applied script left or took away. */
  private static final int LISTED = 8;

  /**
   * What a script that failed halfway left behind, where each statement commits by itself (MariaDB's DDL): the
   * objects of its side that are already there, and those of the other side already gone, by their snapshot keys.
   */
  private static String partly(SchemaSnapshot now, SchemaSnapshot beforeScript, SchemaSnapshot afterScript) {
    java.util.Map<String, dev.rehearsal.database.SchemaFact> current = now.byKey();
    java.util.Map<String, dev.rehearsal.database.SchemaFact> before = beforeScript.byKey();
    java.util.Map<String, dev.rehearsal.database.SchemaFact> after = afterScript.byKey();
    List<String> left = current.keySet().stream().filter(k -> !before.containsKey(k) && after.containsKey(k))
        .toList();
    List<String> gone = before.keySet().stream().filter(k -> !current.containsKey(k) && !after.containsKey(k))
        .toList();
    StringBuilder text = new StringBuilder();
    if (!left.isEmpty()) {
      text.append("; already there: ").append(listed(left));
    }
    if (!gone.isEmpty()) {
      text.append("; already gone: ").append(listed(gone));
    }
    return text.toString();
  }

  private static String listed(List<String> keys) {
    String shown = String.join(", ", keys.subList(0, Math.min(LISTED, keys.size())));
    return keys.size() > LISTED ? shown + " and " + (keys.size() - LISTED) + " more" : shown;
  }

  private static SchemaSnapshot schema(StepContext context, ScratchDatabase probe, String changelog) {
    try (Session session = new Session(context.database(), probe)) {
      return Snapshots.schema(session, changelog);
    }
  }

  private static BigDecimal previous(StepContext context, BigDecimal id) {
    List<Migration> migrations = context.repository().migrations();
    BigDecimal previous = null;
    for (Migration migration : migrations) {
      if (migration.id().compareTo(id) >= 0) {
        break;
      }
      previous = migration.id();
    }
    return previous;
  }
}
