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
      case "after" -> "the script's changes are in place";
      default -> "the schema matches neither side of the script";
    };
    return "left at version " + version + ", schema " + state + " " + failure.migration().toPlainString() + " ("
        + meaning + ")";
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
