package dev.rehearsal.cli;

import dev.rehearsal.migrations.AppliedMigration;
import dev.rehearsal.migrations.Migration;
import dev.rehearsal.migrations.Migrator;
import dev.rehearsal.migrations.Outcome;
import dev.rehearsal.text.Shown;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;

/** {@code rehearse status}: which migrations a database has applied, and which are pending. */
@Command(name = "status", description = "Show applied and pending migrations of a database.",
    exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:shown", ExitCodes.INVALID_LINE,
        ExitCodes.INFRASTRUCTURE_LINE})
final class StatusCommand extends OperatorCommand {

  @Override
  public Integer call() {
    Migrator migrator = existing().migrator();
    Map<java.math.BigDecimal, AppliedMigration> applied = new TreeMap<>();
    migrator.changelog().forEach(a -> applied.put(a.id(), a));
    out().printf("%-16s %-21s %s%n", "ID", "APPLIED AT", "DESCRIPTION");
    for (Migration migration : opened.repository().migrations()) {
      AppliedMigration row = applied.remove(migration.id());
      out().printf("%-16s %-21s %s%n", migration.id().toPlainString(), row == null ? "...pending..."
          : Shown.line(row.appliedAt()), Shown.line(migration.description()));
    }
    for (AppliedMigration orphan : applied.values()) {
      out().printf("%-16s %-21s %s  (no script with this id)%n", orphan.id().toPlainString(),
          Shown.line(orphan.appliedAt()), Shown.line(orphan.description()));
    }
    out().printf("Version: %s, %d pending%n", Outcome.show(migrator.version()), migrator.pending().size());
    return ExitCodes.OK;
  }
}
